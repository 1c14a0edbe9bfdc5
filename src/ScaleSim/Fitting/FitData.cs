using ScaleSim.Runs;

namespace ScaleSim.Fitting;

/// <summary>
/// Observations in the log space the fits work in: log N, log D, log C and log loss per point (natural logs).
/// Arrays a law does not need may be empty.
/// </summary>
public sealed record FitData(double[] LogParams, double[] LogTokens, double[] LogFlops, double[] LogLoss)
{
    /// <summary>Unique tokens per observation (raw, not logged), for data-constrained laws; empty when unknown.</summary>
    public double[] UniqueTokens { get; init; } = [];

    /// <summary>Optimizer steps S per observation (raw), for the learning-curve law L(N, S); empty when unknown.</summary>
    public double[] Steps { get; init; } = [];

    /// <summary>Tokens per step B per observation (raw), for the learning-curve law L(N, S); empty when unknown.</summary>
    public double[] BatchTokens { get; init; } = [];

    /// <summary>Number of observations.</summary>
    public int Count => LogLoss.Length;

    /// <summary>Builds fit data from raw positive values (null arrays become empty).</summary>
    public static FitData FromValues(double[]? n, double[]? d, double[]? c, double[] loss) =>
        new(LogOf(n), LogOf(d), LogOf(c), LogOf(loss));

    /// <summary>Builds fit data from a run table, using whatever of N, D and C it has.</summary>
    public static FitData FromRuns(RunTable runs) =>
        FromValues(runs.Params, runs.Tokens, runs.Flops, runs.Loss) with { UniqueTokens = runs.UniqueTokens ?? [] };

    /// <summary>The observations at the given indices (with repeats, for the bootstrap).</summary>
    public FitData Resample(ReadOnlySpan<int> rows)
    {
        var n = Pick(LogParams, rows);
        var d = Pick(LogTokens, rows);
        var c = Pick(LogFlops, rows);
        var l = Pick(LogLoss, rows);
        return new FitData(n, d, c, l) { UniqueTokens = Pick(UniqueTokens, rows), Steps = Pick(Steps, rows), BatchTokens = Pick(BatchTokens, rows) };
    }

    private static double[] Pick(double[] values, ReadOnlySpan<int> rows)
    {
        if (values.Length == 0) return values;
        var picked = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }

    private static double[] LogOf(double[]? values) => values is null ? [] : values.Select(v => Math.Log(v)).ToArray();
}
