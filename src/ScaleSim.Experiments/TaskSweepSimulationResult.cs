using ScaleSim.Tasks;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Experiments;

/// <summary>A size sweep on task data trained, scored and analysed as task curves (one per task and metric).</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Sweep">What its sweep did.</param>
/// <param name="Notes">What the task table's reader warns about.</param>
/// <param name="Source">The task source the runs trained on.</param>
/// <param name="Runs">The completed runs with task scores.</param>
/// <param name="Table">The sweep's task table (tasks.csv).</param>
/// <param name="Curves">Every task curve, fitted, selected, classified and bootstrapped.</param>
public sealed record TaskSweepSimulationResult(
    SizeSweepExperiment Experiment,
    SweepOutcome Sweep,
    IReadOnlyList<string> Notes,
    TaskSource Source,
    IReadOnlyList<ScoredRun> Runs,
    TaskTable Table,
    IReadOnlyList<TaskCurveResult> Curves) : SimulationResult(Sweep, Notes)
{
    /// <inheritdoc />
    public override ExperimentDefinition Definition => Experiment;

    /// <inheritdoc />
    public override double TrainingCoreSeconds => Runs.Sum(r => r.Summary.ElapsedSeconds);

    /// <summary>The analysed curve of one task and metric.</summary>
    public TaskCurveResult Curve(string task, string metric) => Curves.Single(r => r.Curve.Task == task && r.Curve.Metric == metric);
}
