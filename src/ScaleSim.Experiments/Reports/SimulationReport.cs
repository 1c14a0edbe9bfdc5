using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// The report of <c>scalesim simulate</c>: the experiment, a table like Hoffmann et al.'s Table 2 under both parameter
/// conventions, the fitted E beside the source's floor, the backtest, each target with its measured value, and the figures.
/// </summary>
public static class SimulationReport
{
    /// <summary>The report as markdown; <paramref name="figures"/> are (file, caption) pairs in <paramref name="figureDirectory"/>.</summary>
    public static string Render(IsoFlopSimulationResult result, IReadOnlyList<(string File, string Caption)> figures, string figureDirectory, string command)
    {
        var plan = result.Sweep.Plan;
        var experiment = result.Experiment;
        var conventions = result.Analyses;
        var primary = result.Primary.Result;
        double sweepSeconds = result.Sweep.Seconds, trainingCoreSeconds = result.CoreSeconds;
        int trainedNow = result.Sweep.TrainedNow, parallel = result.Sweep.ParallelRuns;
        var md = new Markdown();
        md.Heading(1, $"Simulation: {experiment.Name}");
        md.Paragraph(experiment.Description);
        md.Paragraph(ReportProvenance.Reproduce(command) + " The runs are seeded and deterministic, and finished runs are reused when the command is run again. " +
            $"Training the {plan.Runs.Count} runs took {trainingCoreSeconds / 60:F1} core-minutes in all (summed from their summary.json files); " +
            (trainedNow > 0
                ? $"the invocation that wrote this report trained {trainedNow} of them in {sweepSeconds / 60:F1} minutes of wall time, {parallel} at once on {Environment.ProcessorCount} cores."
                : "the invocation that wrote this report found them all trained already."));
        md.Heading(2, "Experiment");
        md.Table(["setting", "value"],
        [
            ["data", $"`{experiment.Data}` (vocabulary {plan.Vocab})"],
            ["budgets", string.Join(", ", experiment.Budgets.Select(c => c.ToString("0.0e+0", CultureInfo.InvariantCulture))) + $" FLOPs ({experiment.FlopModel.Name} convention)"],
            ["sizes", $"{experiment.SizesPerBudget} per budget over {experiment.SizeSpan}× around N_opt ≈ {experiment.PriorOptimum.Params:0.#e+0}·(C/{experiment.PriorOptimum.Flops:0.#e+0})^{experiment.PriorOptimum.Exponent}; {plan.Runs.Count} runs in all"],
            ["shape", $"{experiment.Shape.Layers} layers, d_model a multiple of {experiment.Shape.WidthMultiple}, heads of about {experiment.Shape.HeadSize} channels, context {experiment.Context}"],
            ["batch", $"{experiment.Batch.Min}–{experiment.Batch.Max} sequences, chosen for at least {experiment.Batch.MinSteps} steps; runs with fewer are left out of the analysis"],
            ["learning rate", LearningRate(experiment)],
            ["seeds", string.Join(", ", experiment.Seeds)],
            ["horizons per size", experiment.Horizons == 1 ? "1 (Approach 1 reads the IsoFLOP runs' curves; sizes that recur across budgets give several horizons)" : $"{experiment.Horizons} spanning {experiment.HorizonSpan}×"],
        ]);

        md.Heading(2, "Compute-optimal exponents (as Hoffmann et al.'s Table 2)");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in conventions)
        {
            foreach (var (name, e) in new[] { ("1. envelope", c.Result.Approach1), ("2. IsoFLOP parabolas", c.Result.Approach2), ("3. parametric fit", c.Result.Approach3) })
                rows.Add(e is null ? [c.Convention.Name(), name, "—", "", "—", ""] : [c.Convention.Name(), name, F(e.A, 3), Interval(e.CiA), F(e.B, 3), Interval(e.CiB)]);
        }
        rows.Add(["", "Chinchilla (Hoffmann et al. 2022, Approaches 1–2)", "0.50", "", "0.50", ""]);
        rows.Add(["", "Kaplan et al. 2020", "0.73", "", "0.27", ""]);
        md.Table(["N counts", "approach", "a", "95% interval", "b", "95% interval"], rows);
        md.Paragraph(ExponentExplanation(plan, conventions));
        md.Paragraph($"The 95% intervals are percentiles of {primary.Approach3Bootstrap.Resamples} bootstrap resamples of {primary.Resampling}. " + (primary.Resampling.StartsWith("seeds", StringComparison.Ordinal)
            ? "The sizes and budgets are the design and stay as they are; a drawn seed brings every run of its size (its stem and all its branches), since those share initial weights and data order. " +
              SeedShrinkage(primary.SeedNoise)
            : "No size was trained with two seeds, so seed noise is not in these intervals."));

        if (primary.SeedNoise.Count > 0)
        {
            md.Heading(2, "Seed noise per budget");
            md.Table(["budget (FLOPs)", "sizes", "seeds", "fewest seeds at a size", "std of log loss across seeds (pooled)"], primary.SeedNoise.Select(n => (IReadOnlyList<string>)
                [n.Flops.ToString("0.0e+0", CultureInfo.InvariantCulture), $"{n.Points}", $"{n.Seeds}", $"{n.MinSeedsPerPoint}", n.LogLossStd is { } s ? F(s, 4) : "— (one seed)"]));
            md.Paragraph("The pooled standard deviation is √(Σ(kᵢ − 1)sᵢ² / Σ(kᵢ − 1)) over the sizes of the budget with two or more seeds; in log loss it is about the relative standard deviation of the final loss.");
        }

        md.Heading(2, "Irreducible loss");
        md.Table(["N counts", "fitted E", "source's floor", "error", "alpha", "beta"], conventions.Select(c =>
        {
            var law = (ChinchillaLaw)c.Result.Approach3Fit.Law;
            return (IReadOnlyList<string>)[c.Convention.Name(), F(law.E, 4), c.Result.EntropyFloor is { } f ? F(f, 4) : "unknown",
                c.Result.EntropyFloor is { } g ? (law.E / g - 1).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "", F(law.Alpha, 3), F(law.Beta, 3)];
        }));
        md.Paragraph("The floor is the exact minimum of the validation loss on each run's validation set (the expected cross-entropy of the true Markov " +
            "transition table), averaged over runs; the source's entropy rate is slightly lower because the first positions of a sequence have less context.");

        if (primary.Backtest is { } b)
        {
            md.Heading(2, "Backtest");
            md.Paragraph($"Approach 3 fitted on the budgets up to {b.FittedFlops:0.0e+0} FLOPs ({conventions[0].Convention.Name()} N) predicts the optimum of {b.Flops:0.0e+0} " +
                $"({F(b.Extrapolation, 1)}× beyond) at N = {b.PredictedParams:0.00e+0} with loss {F(b.PredictedLoss, 4)}; its IsoFLOP parabola puts it at N = {b.ObservedParams:0.00e+0} with loss {F(b.ObservedLoss, 4)}: " +
                $"a loss error of {b.LossError:+0.00%;-0.00%;0.00%}" + (b.CiLossError is { } l ? $" (95% interval {l.Low:+0.00%;-0.00%;0.00%} to {l.High:+0.00%;-0.00%;0.00%})" : "") +
                $" and an N ratio of {F(b.ParamsRatio, 2)}" + (b.CiParamsRatio is { } q ? $" ({F(q.Low, 2)}–{F(q.High, 2)})" : "") + ", the intervals over the same resamples as the exponents.");
        }

        if (result.Robustness.Count > 0)
        {
            md.Heading(2, "Robustness: the analysis under each choice");
            md.Table(["choice", "setting", "runs", "a (1)", "a (2)", "a (3)", "E", "backtest loss", "backtest N ratio", "note"], result.Robustness.Select(row => (IReadOnlyList<string>)
            [
                row.Choice, row.Setting, $"{row.Runs}", Optional(row.A1, 3), Optional(row.A2, 3), Optional(row.A3, 3), Optional(row.E, 4),
                row.BacktestLossError is { } l ? l.ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture) : "—", Optional(row.BacktestParamsRatio, 2), row.Note ?? "",
            ]));
            md.Paragraph(RobustnessSummary(result.Robustness));
        }

        md.Heading(2, "Targets");
        md.Table(["target", "measured", "met"], result.Targets.Select(t => (IReadOnlyList<string>)[t.Target, t.Measured, t.Met ? "yes" : "**no**"]));
        md.Bullets("Notes from the analysis", primary.Notes).Figures(figures, figureDirectory);
        md.Paragraph("The data behind every number: `runs.csv` (one row per run) and `curves.csv` (every validation of every run) beside this report.");
        return md.ToString();
    }

    /// <summary>What the two conventions measured and why they differ by as much (or as little) as they do.</summary>
    private static string ExponentExplanation(SweepPlan plan, IReadOnlyList<ConventionAnalysis> conventions)
    {
        var byName = conventions.ToDictionary(c => c.Convention, c => c.Result);
        if (!byName.TryGetValue(ParameterConvention.NonEmbedding, out var ne) || !byName.TryGetValue(ParameterConvention.Total, out var total)) return "";
        var shares = plan.Runs.Select(r => 1 - (double)r.Model.NonEmbeddingParameters / r.Model.Parameters).ToList();
        double shift = ne.Approach3.A - total.Approach3.A;
        string size = Math.Abs(shift) < 0.05 ? "small" : "large";
        return $"Counting non-embedding parameters, Approach 3 gives a = {F(ne.Approach3.A, 3)}; counting all of them, {F(total.Approach3.A, 3)} " +
            $"(Approach 2: {(ne.Approach2 is { } a ? F(a.A, 3) : "—")} and {(total.Approach2 is { } b ? F(b.A, 3) : "—")}). " +
            $"Pearce & Song (2024) reconcile Kaplan's 0.73 with Chinchilla's 0.5 by the convention: where embeddings are a large and shrinking share of " +
            $"the parameters, non-embedding counts steepen N_opt(C). Here the embeddings (token and position tables, (V + T)·d_model) are " +
            $"{shares.Min():P0} to {shares.Max():P0} of the parameters, so the shift is {size} ({shift:+0.000;-0.000;0.000}). " +
            "A PyTorch pilot on this machine (../shared/notes/tiny-scaling-study.md) measured a ≈ 0.69 with non-embedding N and 0.66 with total N on " +
            "the same kind of source: its shift between conventions was small too, so its distance from 0.5 came from elsewhere. docs/simulation.md " +
            "records what we found about that difference.";
    }

    /// <summary>The schedule in words.</summary>
    private static string LearningRate(IsoFlopExperiment experiment)
    {
        var rule = experiment.Schedule;
        string batch = experiment.Batch.LearningRateScaling == BatchLearningRateScaling.SquareRoot ? $", times √(B / {experiment.Batch.Max}) at a smaller batch B" : "";
        return rule.Branches
            ? $"{experiment.LearningRateNumerator} / d_model{batch}; warmup-stable-decay: warm-up over {rule.WarmupFraction:P0} of a stem's shortest branch, the peak held, and a " +
              $"{(rule.DecayShape == Training.Optimization.DecayShape.Linear ? "linear" : "1 − √")} cool-down to zero over the last {rule.DecayFraction:P0} of each branch's steps; one stem per size and seed, a branch per point"
            : $"{experiment.LearningRateNumerator} / d_model{batch}, {rule.WarmupFraction:P0} warm-up, cosine to 10% over exactly the run's tokens";
    }

    /// <summary>How far a's of the robustness table spread: what a conclusion may claim.</summary>
    private static string RobustnessSummary(IReadOnlyList<Robustness.RobustnessRow> rows)
    {
        string Range(Func<Robustness.RobustnessRow, double?> pick, string name)
        {
            var values = rows.Select(pick).OfType<double>().ToList();
            return values.Count == 0 ? $"{name}: none" : $"{name} {F(values.Min(), 3)}–{F(values.Max(), 3)}";
        }
        var losses = rows.Select(r => r.BacktestLossError).OfType<double>().ToList();
        return "Each row changes one choice from the baseline and reruns the point estimates (no bootstrap). Across the rows: " +
            $"{Range(r => r.A1, "Approach 1's a")}, {Range(r => r.A2, "Approach 2's a")}, {Range(r => r.A3, "Approach 3's a")}" +
            (losses.Count > 0 ? $", backtest loss error {losses.Min():+0.00%;-0.00%;0.00%} to {losses.Max():+0.00%;-0.00%;0.00%}" : "") +
            ". A conclusion about a holds only as far as it holds across this range.";
    }

    private static string Optional(double? value, int decimals) => value is { } v ? F(v, decimals) : "—";

    private static string Interval((double Low, double High)? ci) => ci is { } c ? $"[{F(c.Low, 3)}, {F(c.High, 3)}]" : "";

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    // The plug-in bootstrap's shrinkage for k seeds per point, as SeedResampling's remarks state it, with the report's actual k.
    private static string SeedShrinkage(IReadOnlyList<SeedNoise> noise)
    {
        const string general = "With k seeds the bootstrap variance of a seed mean is (k − 1)/k of the sample variance";
        int k = noise.Count > 0 ? noise.Min(n => n.MinSeedsPerPoint) : 0;
        if (k < 2) return general + ".";
        string factor = k == 2 ? "1/√2" : $"√({k - 1}/{k}) ≈ {Math.Sqrt((k - 1.0) / k).ToString("0.00", CultureInfo.InvariantCulture)}";
        return $"{general}, so with {k} seeds the intervals are about {factor} as wide as the spread a rerun would show.";
    }
}
