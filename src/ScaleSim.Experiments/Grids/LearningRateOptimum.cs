using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Grids;

/// <summary>
/// The learning rates tried for one width, batch, token ratio and schedule: the mean final loss over seeds at each
/// numerator c of η = c / d_model, and the best of them.
/// </summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="Tokens">The grid's token setting, in words.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Width">d_model.</param>
/// <param name="Losses">Mean loss at each numerator, in increasing c.</param>
public sealed record LearningRateOptimum(ScheduleKind Schedule, string Tokens, int Batch, int Width, IReadOnlyList<(double Numerator, double Loss, int Seeds)> Losses)
{
    /// <summary>The numerator with the lowest mean loss.</summary>
    public double Best => Losses.MinBy(l => l.Loss).Numerator;

    /// <summary>Whether the best numerator is the smallest or largest tried (the optimum may lie beyond the grid).</summary>
    public bool AtEdge => Losses.Count > 1 && (Best == Losses[0].Numerator || Best == Losses[^1].Numerator);
}
