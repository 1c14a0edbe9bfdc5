using System.Globalization;
using System.Text;
using ScaleSim.Experiments.Ladder;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// The report of a Kaplan-to-Chinchilla ladder: a with its interval and the allocation for 10× compute after each of
/// Porian et al.'s (2024) steps, which steps move a beyond their seed noise, and Pearce &amp; Song's (2024) accounting
/// comparison on the last step's runs.
/// </summary>
public static class ProtocolLadderReport
{
    /// <summary>The file beside the report with every step's IsoFLOP points.</summary>
    public const string PointsFile = "ladder.csv";

    /// <summary>The report as markdown; <paramref name="figures"/> are (file, caption) pairs in <paramref name="figureDirectory"/>.</summary>
    public static string Render(ProtocolLadderSimulationResult result, IReadOnlyList<(string File, string Caption)> figures, string figureDirectory, string command)
    {
        var experiment = result.Experiment;
        var plan = result.Sweep.Plan;
        var md = new Markdown();
        md.Heading(1, $"Kaplan against Chinchilla by protocol: {experiment.Name}");
        md.Paragraph(experiment.Description);
        md.Paragraph(ReportProvenance.Reproduce(command) + $" The runs are seeded and deterministic. {plan.Runs.Count} runs took {result.CoreSeconds / 60:F1} core-minutes " +
            $"(this invocation: {result.Sweep.TrainedNow} trained in {result.Sweep.Seconds / 60:F1} minutes of wall time with {result.Sweep.ParallelRuns} at once).");

        md.Heading(2, "Design");
        md.Paragraph("One model family (the shape rule below) on one source, trained four ways; each step of Porian et al.'s (2024) ladder reads one of them and counts " +
            "N and C its way, and fits Hoffmann et al.'s (2022) Approach 2 on the points: a parabola in log N per budget, then N_opt ∝ Cᵃ and D_opt ∝ Cᵇ through the vertices. " +
            "Every interval resamples the seeds within each size (a stratified bootstrap).");
        var longRuns = plan.Runs.Where(r => r.Family == LadderFamily.KaplanCurves).ToList();
        md.Table(["setting", "value"],
        [
            ["data", $"`{experiment.Data}` (vocabulary {plan.Vocab})"],
            ["budgets", string.Join(", ", experiment.Budgets.Order().Select(c => c.ToString("0.0e+0", CultureInfo.InvariantCulture))) + " FLOPs (6·N·D counted as each step counts N)"],
            ["sizes", $"{experiment.SizesPerBudget} per budget over {F(experiment.SizeSpan, 0)}× around the expected optimum, placed in each step's accounting; d_model {string.Join(", ", longRuns.Select(r => r.Model.DModel).Distinct().Order())} ({experiment.Shape.Layers} layer{(experiment.Shape.Layers == 1 ? "" : "s")}, context {experiment.Context})"],
            ["seeds", string.Join(", ", experiment.Seeds)],
            ["long runs (steps 1–3)", $"one cosine run per size and seed, to the tokens the largest budget gives it counted Kaplan's way, validated {experiment.EvaluationsPerRun} times and read at each budget's tokens (log loss interpolated in log tokens)"],
            ["matched runs (steps 4–5)", "a cosine run per IsoFLOP point, ending at its own last token"],
            ["Kaplan's rate and batch (steps 1–4)", string.Create(CultureInfo.InvariantCulture, $"η = {experiment.KaplanProtocol.LearningRate:0.#######} and batch {experiment.KaplanProtocol.Batch} for every size")],
            ["Kaplan's warm-up (steps 1–2)", $"{experiment.KaplanProtocol.WarmupSteps} steps"],
            ["scaled warm-up (steps 3–5)", "N tokens (Porian et al. 2024, §3.3), at most half a run"],
        ]);

        md.Heading(2, "a step by step");
        md.Table(["step", "what changes", "points", "profiles with a minimum", "a [95%]", "b", "N × per 10× C", "D × per 10× C", "Porian et al. a"],
            result.Steps.Select(s => Row(s, s.Change)).Concat(
            [
                ["", "Kaplan et al. 2020 (published)", "", "", "0.73", "0.27", "5.37×", "1.86×", ""],
                ["", "Hoffmann et al. 2022 (published)", "", "", "0.50", "0.50", "3.16×", "3.16×", ""],
            ]));
        md.Paragraph("Kaplan et al. quote their allocation as 10× compute → 5.5× parameters and 1.8× tokens, Hoffmann et al.'s as 3.3× each (the article's figures); " +
            "the rows above give 10^a and 10^b from the exponents. Porian et al.'s a are theirs on RefinedWeb after the same change, for comparison only: nothing here is tuned toward them.");
        md.Heading(3, "Which steps move a");
        foreach (var line in Moves(result.Steps)) md.Line($"- {line}");
        md.Line();

        md.Heading(2, "Total against non-embedding parameters (Pearce & Song 2024)");
        var tuned = plan.Runs.Where(r => r.Family == LadderFamily.TunedCosine).Select(r => r.Model).DistinctBy(m => m.DModel).ToList();
        if (tuned.Count > 0)
        {
            double share(Training.Model.TinyGpt m) => 1 - m.NonEmbeddingParameters / (double)m.Parameters;
            md.Paragraph($"Step 5's runs counted both ways. Embeddings (the token embedding, tied to the head, and the learned positions) are {P(tuned.Max(share))} of the smallest model's parameters " +
                $"and {P(tuned.Min(share))} of the largest's here; Pearce & Song's argument needs them to be a large share of the small models, as they are with a vocabulary of tens of thousands.");
        }
        md.Table(["counted", "points", "profiles with a minimum", "a [95%]", "b", "N × per 10× C", "D × per 10× C"],
            result.Conventions.Select(s => (IReadOnlyList<string>)Row(s, s.NonEmbedding ? "without embeddings" : "every parameter").Skip(1).Take(7).ToList()));
        if (result.Conventions is [{ Estimate: { } total }, { Estimate: { } non }])
            md.Paragraph($"Counting without the embeddings changes a by {non.A - total.A:+0.000;-0.000;0.000} on the same runs.");

        md.Heading(2, "Targets");
        md.Table(["target", "measured", "met"], result.Steps.Select(s => (IReadOnlyList<string>)
            [$"step {s.Number}: half-width of a's 95% interval ≤ {ProtocolLadderSimulationResult.TargetHalfWidth:F2}", s.HalfWidth is { } h ? F(h, 3) : "no interval",
                s.HalfWidth <= ProtocolLadderSimulationResult.TargetHalfWidth ? "yes" : "no"])
            .Append([$"at most an hour on 2 cores", $"{result.CoreSeconds / 120:F1} minutes (core-minutes / 2)", result.CoreSeconds / 120 <= 60 ? "yes" : "no"]));

        md.Bullets("Notes", result.Notes).Figures(figures, figureDirectory);
        md.Paragraph($"The data behind every number: `{PointsFile}` (every step's IsoFLOP points: the run, its seed, budget, N, D, C and loss as the step counts them), " +
            "`runs.csv` (one row per run) and `curves.csv` (every validation of every run) beside this report.");
        return md.ToString();
    }

    /// <summary>Every step's points as CSV: step, run, seed, budget, N, D, C, loss (full precision).</summary>
    public static string PointsCsv(ProtocolLadderSimulationResult result)
    {
        var csv = new StringBuilder("step,counted,run,seed,budget,N,D,C,loss\n");
        foreach (var s in result.Steps.Append(result.Conventions[1]))
            foreach (var p in s.Points)
                csv.Append(CultureInfo.InvariantCulture, $"{s.Number},{(s.NonEmbedding ? "non-embedding" : "total")},{p.Run},{p.Seed},{R(p.Budget)},{R(p.Params)},{R(p.Tokens)},{R(p.Flops)},{R(p.Loss)}\n");
        return csv.ToString();
    }

    /// <summary>A sentence per step after the first: how far a moved, and whether beyond the two steps' combined seed noise.</summary>
    public static IEnumerable<string> Moves(IReadOnlyList<LadderStep> steps)
    {
        for (int i = 1; i < steps.Count; i++)
        {
            var (before, after) = (steps[i - 1], steps[i]);
            if (before.Estimate is null || after.Estimate is null)
            {
                yield return $"step {after.Number} ({after.Name}): not comparable (a step could not be fitted)";
                continue;
            }
            double move = after.Estimate.A - before.Estimate.A;
            // Steps 1 and 2 read the same runs; the others are independent families, so their half-widths add in quadrature.
            double? noise = before.HalfWidth is { } h0 && after.HalfWidth is { } h1 ? Math.Sqrt(h0 * h0 + h1 * h1) : null;
            string verdict = noise is not { } n ? "" : Math.Abs(move) > n ? $", beyond the combined half-width {F(n, 3)}" : $", within the combined half-width {F(n, 3)}";
            yield return $"step {after.Number} ({after.Name}): a {F(before.Estimate.A, 3)} → {F(after.Estimate.A, 3)}, {move:+0.000;-0.000;0.000}{verdict}";
        }
    }

    private static IReadOnlyList<string> Row(LadderStep s, string change) =>
    [
        $"{s.Number}. {s.Name}", change, s.Points.Count.ToString(CultureInfo.InvariantCulture),
        s.Estimate is { } e ? $"{e.Points.Count} of {s.Points.Select(p => p.Budget).Distinct().Count()}" : "—",
        s.Estimate is { } a ? $"{F(a.A, 3)}" + (a.CiA is { } ci ? $" [{F(ci.Low, 3)}, {F(ci.High, 3)}]" : "") : $"failed: {s.Failure}",
        s.Estimate is { } b ? F(b.B, 3) : "—",
        s.ParamsPer10x is { } n ? $"{F(n, 2)}×" : "—",
        s.TokensPer10x is { } d ? $"{F(d, 2)}×" : "—",
        s.PublishedA is { } p ? F(p, 3) : "",
    ];

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string P(double fraction) => (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
