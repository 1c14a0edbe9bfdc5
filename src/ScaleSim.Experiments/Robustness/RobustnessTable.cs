using ScaleSim.Analysis;
using ScaleSim.Fitting;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Robustness;

/// <summary>
/// How much an IsoFLOP sweep's answer depends on how it is analysed: the analysis rerun with one choice at a time changed
/// from the experiment's own — N counted the other way, step-starved runs kept, only runs at the full batch, Huber δ
/// 1e-2 or least squares instead of Hoffmann et al.'s δ = 1e-3, E held at the source's known floor — each row giving every
/// approach's a, the fitted E and the backtest. A conclusion that holds in every row does not hang on an analysis choice.
/// </summary>
public static class RobustnessTable
{
    /// <summary>The <see cref="RobustnessRow.Choice"/> of the baseline row.</summary>
    public const string Baseline = "baseline";

    /// <summary>Huber δ that no log-loss residual of these fits reaches: the summed Huber loss is then least squares (times ½).</summary>
    public const double LeastSquaresDelta = 10;

    /// <summary>Every row, the baseline first; <paramref name="options"/> are the baseline's (no bootstrap is run).</summary>
    public static IReadOnlyList<RobustnessRow> Build(SweepResults store, IsoFlopExperiment experiment, AnalysisOptions options)
    {
        options = options with { Resamples = 0, PredictAt = [] };
        var own = experiment.Convention;
        var other = own == ParameterConvention.Total ? ParameterConvention.NonEmbedding : ParameterConvention.Total;
        int minSteps = experiment.Batch.MinSteps;
        var baseline = store.ForScalingAnalysis(own, minSteps);
        int baseRuns = baseline.Runs.Count;
        var rows = new List<RobustnessRow>
        {
            Row(Baseline, $"{own.Name()} N, runs under {minSteps} steps left out, Huber δ = 1e-3, E fitted", baseline, options),
            Row("N counted", $"{other.Name()} parameters", store.ForScalingAnalysis(other, minSteps), options),
        };
        var kept = store.ForScalingAnalysis(own, 0);
        rows.Add(Row("short runs", $"kept (runs under {minSteps} steps too)", kept, options, kept.Runs.Count == baseRuns ? $"no run has fewer than {minSteps} steps: the baseline's runs" : null));
        var fullBatch = store.ForScalingAnalysis(own, minSteps, r => r.Batch == experiment.Batch.Max);
        rows.Add(Row("batch", $"only runs at batch {experiment.Batch.Max}", fullBatch, options,
            fullBatch.Runs.Count == baseRuns ? $"every run is at batch {experiment.Batch.Max}: the baseline's runs" : null));
        rows.Add(Row("fit loss", "Huber δ = 1e-2", baseline, options with { Fit = options.Fit with { HuberDelta = 1e-2 } }));
        rows.Add(Row("fit loss", "least squares", baseline, options with { Fit = options.Fit with { HuberDelta = LeastSquaresDelta } }));
        if (baseline.EntropyFloor is { } floor)
            rows.Add(Row("E", $"held at the floor {floor:F4}", baseline, options with { FixedIrreducibleLoss = floor }));
        return rows;
    }

    private static RobustnessRow Row(string choice, string setting, ScalingAnalysisInput input, AnalysisOptions options, string? note = null)
    {
        try
        {
            var r = ScalingAnalysis.Run(input, options with { EntropyFloor = input.EntropyFloor });
            return new RobustnessRow(choice, setting, input.Runs.Count, r.Approach1.A, r.Approach2?.A, r.Approach3.A, ((ChinchillaLaw)r.Approach3Fit.Law).E,
                r.Backtest?.LossError, r.Backtest?.ParamsRatio, note);
        }
        catch (Exception e) when (e is InputException or FitFailedException)
        {
            return new RobustnessRow(choice, setting, input.Runs.Count, null, null, null, null, null, null, e.Message);
        }
    }
}
