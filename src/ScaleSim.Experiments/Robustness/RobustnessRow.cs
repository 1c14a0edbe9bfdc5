namespace ScaleSim.Experiments.Robustness;

/// <summary>One analysis choice changed from the baseline, and what the analysis then finds (point estimates).</summary>
/// <param name="Choice">What is varied (the N convention, short runs, the batch, the fit's loss, E).</param>
/// <param name="Setting">Its value in this row.</param>
/// <param name="Runs">Runs analysed.</param>
/// <param name="A1">Approach 1's a, or null when it could not be fitted.</param>
/// <param name="A2">Approach 2's a, or null.</param>
/// <param name="A3">Approach 3's a, or null.</param>
/// <param name="E">Approach 3's E (fixed or fitted), or null.</param>
/// <param name="BacktestLossError">The backtest's relative loss error, or null.</param>
/// <param name="BacktestParamsRatio">The backtest's predicted over observed N_opt, or null.</param>
/// <param name="Note">Why a value is missing, or that the row analyses the same runs as the baseline.</param>
public sealed record RobustnessRow(string Choice, string Setting, int Runs, double? A1, double? A2, double? A3, double? E,
    double? BacktestLossError, double? BacktestParamsRatio, string? Note = null)
{
    /// <summary>Whether this is the baseline (the experiment's own choices).</summary>
    public bool IsBaseline => Choice == RobustnessTable.Baseline;
}
