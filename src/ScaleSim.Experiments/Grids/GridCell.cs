using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Grids;

/// <summary>One completed run of a training grid and its final loss.</summary>
/// <param name="Run">The planned run.</param>
/// <param name="Schedule">Its schedule.</param>
/// <param name="Numerator">c in η = c / d_model.</param>
/// <param name="Loss">Final validation loss.</param>
public sealed record GridCell(PlannedRun Run, ScheduleKind Schedule, double Numerator, double Loss)
{
    /// <summary>d_model.</summary>
    public int Width => Run.Model.DModel;

    /// <summary>Tokens per parameter (asked for, or the grid's tokens over N).</summary>
    public double TokensPerParam => Run.TokensPerParam ?? double.NaN;

    /// <summary>The grid's token setting in words (cells of one setting are compared across widths).</summary>
    public string Tokens => Run.TokenSetting;

    /// <summary>Sequences per step.</summary>
    public int Batch => Run.Batch;

    /// <summary>Seed.</summary>
    public ulong Seed => Run.Seed;
}
