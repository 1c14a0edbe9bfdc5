using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>
/// Hears what a simulation is doing: the plan once it is made, every run's progress during the sweep (from several
/// threads at once), and each stage after it. Every member does nothing unless overridden.
/// </summary>
public interface ISimulationObserver
{
    /// <summary>The runs are planned and the sweep is about to start.</summary>
    void Planned(SweepPlan plan, SimulationOptions options) { }

    /// <summary>A run started, advanced or finished.</summary>
    void Sweep(SweepEvent e) { }

    /// <summary>A stage after the sweep began (analysing, plotting, writing the report).</summary>
    void Stage(string description) { }
}
