using System.Globalization;
using ScaleSim.Flops;
using ScaleSim.Experiments.Figures;
using ScaleSim.Experiments.Grids;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// The report of a training grid: the final loss of every learning rate per width, batch, token ratio and schedule with
/// the best one marked, whether the best numerator of η = c / d_model is the same at every width, and, with both
/// schedules, how the warmup-stable-decay branches compare with cosine runs of the same tokens.
/// </summary>
public static class TrainingGridReport
{
    /// <summary>The report as markdown; <paramref name="figures"/> are (file, caption) pairs in <paramref name="figureDirectory"/>.</summary>
    public static string Render(TrainingGridSimulationResult result, IReadOnlyList<(string File, string Caption)> figures, string figureDirectory, string command)
    {
        var experiment = result.Experiment;
        var plan = result.Sweep.Plan;
        var md = new Markdown();
        md.Heading(1, $"Training grid: {experiment.Name}");
        md.Paragraph(experiment.Description);
        int stems = plan.Runs.Count(r => r.Role == RunRole.Stem);
        md.Paragraph($"Reproduce with `{command}`. {result.Cells.Count} grid runs{(stems > 0 ? $" ({plan.Runs.Count(r => r.IsBranch)} of them branches of {stems} stems)" : "")} " +
            $"took {result.CoreSeconds / 60:F1} core-minutes in all (each second counted once: a branch's share of its stem is counted with the stem).");
        md.Heading(2, "Experiment");
        md.Table(["setting", "value"],
        [
            ["data", $"`{experiment.Data}` (vocabulary {plan.Vocab})"],
            ["widths", string.Join(", ", experiment.Widths) + $" ({experiment.Shape.Layers} layers, heads of about {experiment.Shape.HeadSize} channels, context {experiment.Context})"],
            ["tokens", string.Join(", ", experiment.Tokens.Select(d => d.ToString("0.##e+0", CultureInfo.InvariantCulture)).Concat(experiment.TokensPerParam.Select(r => $"{F(r, 3)} per parameter ({experiment.Convention.Name()} N)")))],
            ["η = c / d_model, c", string.Join(", ", experiment.Numerators.Select(c => F(c, 3)))],
            ["batches", experiment.Batches.Length > 0 ? string.Join(", ", experiment.Batches) : $"the batch rule: {experiment.Batch.Min}–{experiment.Batch.Max}, at least {experiment.Batch.MinSteps} steps"],
            ["schedules", string.Join(", ", experiment.ScheduleKinds.Select(TrainingGridFigures.Name)) + Decay(experiment)],
            ["seeds", string.Join(", ", experiment.Seeds)],
        ]);

        md.Heading(2, "Final loss by learning rate");
        var numerators = experiment.Numerators.Order().ToList();
        foreach (var group in result.Optima.GroupBy(o => (o.Schedule, o.Tokens)))
        {
            md.Paragraph($"**{TrainingGridFigures.Name(group.Key.Schedule)}, {group.Key.Tokens}** (mean over seeds; the best c in bold):");
            md.Table(["d_model", "batch", .. numerators.Select(c => $"c = {F(c, 3)}"), "best c"], group.Select(o => (IReadOnlyList<string>)
            [
                o.Width.ToString(CultureInfo.InvariantCulture), o.Batch.ToString(CultureInfo.InvariantCulture),
                .. numerators.Select(c => o.Losses.FirstOrDefault(l => l.Numerator == c) is { Seeds: > 0 } l ? (c == o.Best ? $"**{F(l.Loss, 4)}**" : F(l.Loss, 4)) : "—"),
                F(o.Best, 3) + (o.AtEdge ? " (edge of the grid)" : ""),
            ]));
        }
        foreach (var line in Transfer(result.Optima)) md.Line($"- {line}");
        md.Line();

        if (result.Comparison is { } comparison)
        {
            md.Heading(2, "Warmup-stable-decay branches against cosine runs");
            md.Paragraph($"Each branch cools down over the last {F(experiment.Schedule.DecayFraction * 100, 0)}% of its steps ({DecayShapeName(experiment.Schedule.DecayShape)} to zero) " +
                $"from its stem, a run at the peak rate after a warm-up over {F(experiment.Schedule.WarmupFraction * 100, 0)}% of the stem's shortest branch; the cosine run of the same width, tokens, " +
                $"learning rate, batch and seed warms up over {F(experiment.Schedule.WarmupFraction * 100, 0)}% of its own steps and decays to 10% of the peak at its last step. " +
                $"Over {comparison.Pairs.Count} pairs the branch's final loss is {P(comparison.Mean)} relative to the cosine run's, 95% interval [{P(comparison.Interval.Low)}, {P(comparison.Interval.High)}] " +
                "(pairs resampled within each width and token ratio)." +
                (result.LongRunComparison is { } longRuns
                    ? $" On the {longRuns.Pairs.Count} pairs whose runs both take at least {experiment.Batch.MinSteps} steps (those an IsoFLOP analysis keeps; shorter runs at this batch sit on the early plateau, " +
                      $"where either schedule can land tens of percent higher), the branch is {P(longRuns.Mean)} relative to the cosine run, 95% interval [{P(longRuns.Interval.Low)}, {P(longRuns.Interval.High)}]."
                    : ""));
            md.Table(["d_model", "tokens per parameter", "steps", "pairs", "mean branch / cosine − 1", "range"],
                comparison.Pairs.GroupBy(p => (p.Width, p.TokensPerParam)).Select(g => (IReadOnlyList<string>)
                [
                    g.Key.Width.ToString(CultureInfo.InvariantCulture), F(g.Key.TokensPerParam, 1), Steps(result.Cells.Where(c => c.Width == g.Key.Width && c.TokensPerParam == g.Key.TokensPerParam)),
                    g.Count().ToString(CultureInfo.InvariantCulture),
                    P(g.Average(p => p.Difference)), $"{P(g.Min(p => p.Difference))} to {P(g.Max(p => p.Difference))}",
                ]));
        }
        md.Bullets("Notes", result.Notes).Figures(figures, figureDirectory);
        md.Paragraph("The data behind every number: `runs.csv` (one row per run; the run's name gives its c, batch and schedule) and `curves.csv` beside this report.");
        return md.ToString();
    }

    /// <summary>For each schedule, token ratio and batch with two or more widths: whether the best c is the same at every width.</summary>
    public static IReadOnlyList<string> Transfer(IReadOnlyList<LearningRateOptimum> optima)
    {
        var lines = new List<string>();
        foreach (var g in optima.GroupBy(o => (o.Schedule, o.Tokens, o.Batch)).Where(g => g.Count() >= 2 && g.All(o => o.Losses.Count >= 2)))
        {
            var best = g.Select(o => o.Best).Distinct().ToList();
            string where = $"{TrainingGridFigures.Name(g.Key.Schedule)}, {g.Key.Tokens}, batch {g.Key.Batch}";
            string edge = g.Any(o => o.AtEdge) ? " (at the edge of the grid for some width: the optimum may lie beyond it)" : "";
            lines.Add(best.Count == 1
                ? $"{where}: the best c is {F(best[0], 3)} at every width ({string.Join(", ", g.Select(o => o.Width))}){edge}."
                : $"{where}: the best c differs between widths ({string.Join(", ", g.Select(o => $"{F(o.Best, 3)} at d_model {o.Width}"))}){edge}.");
        }
        return lines;
    }

    private static string Decay(TrainingGridExperiment e) => e.ScheduleKinds.Contains(ScheduleKind.WarmupStableDecay)
        ? $" (cool-down over the last {F(e.Schedule.DecayFraction * 100, 0)}% of a branch's steps, {DecayShapeName(e.Schedule.DecayShape)})" : "";

    private static string DecayShapeName(Training.Optimization.DecayShape shape) => shape == Training.Optimization.DecayShape.Linear ? "linear" : "1 − √p";

    // A cell's optimizer steps (a range when its batches differ).
    private static string Steps(IEnumerable<GridCell> cells)
    {
        var steps = cells.Select(c => c.Run.Steps).ToList();
        return steps.Min() == steps.Max() ? steps[0].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{steps.Min()}–{steps.Max()}");
    }

    private static string F(double value, int decimals) => value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("+0.00%;-0.00%;0.00%", CultureInfo.InvariantCulture);
}
