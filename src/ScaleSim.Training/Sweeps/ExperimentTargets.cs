namespace ScaleSim.Training.Sweeps;

/// <summary>
/// What an IsoFLOP experiment is held to: its report checks each target and says which it missed. The defaults are the
/// default experiment's (issue 12); an experiment file may tighten or loosen them under <c>targets</c>.
/// </summary>
public sealed record ExperimentTargets
{
    /// <summary>IsoFLOP budgets at least.</summary>
    public int MinBudgets { get; init; } = 4;

    /// <summary>Largest over smallest budget, at least.</summary>
    public double MinBudgetSpan { get; init; } = 10;

    /// <summary>Seeds at every point of every budget, at least.</summary>
    public int MinSeeds { get; init; } = 2;

    /// <summary>Half-width of Approach 2's 95% interval on a (seeds resampled, total N), at most.</summary>
    public double ExponentHalfWidth { get; init; } = 0.08;

    /// <summary>Largest minus smallest a of the three approaches, at most.</summary>
    public double ApproachSpread { get; init; } = 0.05;

    /// <summary>The backtest's relative error in the held-out budget's optimal loss, at most (in magnitude).</summary>
    public double BacktestLossError { get; init; } = 0.01;

    /// <summary>The backtest's predicted over observed N_opt, within this factor either way.</summary>
    public double BacktestParamsRatio { get; init; } = 1.3;

    /// <summary>The backtest fits only budgets at least this many times below the held-out (largest) one.</summary>
    public double BacktestExtrapolation { get; init; } = 1;

    /// <summary>The fitted E's relative distance from the source's entropy floor, at most.</summary>
    public double FloorError { get; init; } = 0.02;

    /// <summary>Throws <see cref="InputException"/> on an impossible target.</summary>
    public void Validate(string source)
    {
        if (MinBudgets < 1 || MinSeeds < 1) throw new InputException($"{source}: targets.min_budgets and targets.min_seeds must be at least 1");
        if (!(MinBudgetSpan >= 1) || !(BacktestParamsRatio >= 1) || !(BacktestExtrapolation >= 1))
            throw new InputException($"{source}: targets.min_budget_span, backtest_params_ratio and backtest_extrapolation must be at least 1");
        if (!(ExponentHalfWidth > 0) || !(ApproachSpread >= 0) || !(BacktestLossError > 0) || !(FloorError > 0))
            throw new InputException($"{source}: targets.exponent_half_width, approach_spread, backtest_loss_error and floor_error must be positive");
    }
}
