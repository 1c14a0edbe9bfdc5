using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Reconciliation;
using ScaleSim.Runs;
using ScaleSim.Training.Model;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Ladder;

/// <summary>
/// The ladder's analysis: for each of Porian et al.'s (2024) steps from Kaplan's protocol to Chinchilla's, the IsoFLOP
/// points of its runs counted its way, and Approach 2 (Hoffmann et al. 2022) on them with the stratified seed bootstrap;
/// then Pearce &amp; Song's (2024) comparison, the last step's runs counted with and without the embeddings.
/// </summary>
public static class ProtocolLadderAnalysis
{
    /// <summary>Analyses the completed runs of <paramref name="plan"/> in <paramref name="runsDirectory"/>.</summary>
    public static (IReadOnlyList<LadderStep> Steps, IReadOnlyList<LadderStep> Conventions, IReadOnlyList<string> Notes) Run(
        ProtocolLadderExperiment experiment, SweepPlan plan, string runsDirectory, AnalysisOptions options)
    {
        var store = SweepResults.Load(runsDirectory);
        var finals = store.Runs.Where(r => r.Loss is not null).ToDictionary(r => r.Run, StringComparer.Ordinal);
        var curves = (store.Curves ?? []).GroupBy(p => p.Run, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(double Tokens, double Loss)>)g.Where(p => p.Tokens > 0).OrderBy(p => p.Tokens)
                .Select(p => ((double)p.Tokens, p.Loss)).ToList(), StringComparer.Ordinal);
        var notes = new List<string>();
        if (store.InProgressNote is { } progress) notes.Add(progress);
        var source = new Source(experiment, plan, finals, curves, notes);
        string warmup = string.Create(CultureInfo.InvariantCulture, $"{experiment.KaplanProtocol.WarmupSteps} steps");
        string rate = string.Create(CultureInfo.InvariantCulture, $"η = {experiment.KaplanProtocol.LearningRate:0.#######} and batch {experiment.KaplanProtocol.Batch}");
        var published = PorianSteps.All;
        var steps = new List<LadderStep>
        {
            source.Step(1, "Kaplan's protocol", $"N and C = 6·N·D without the embeddings (so without the tied output head); one long cosine run per size, read at each budget's tokens; a warm-up of {warmup}; {rate} for every size",
                LadderFamily.KaplanCurves, nonEmbedding: true, published[0].Exponent, options),
            source.Step(2, "+ head counted", "N and C = 6·N·D count every parameter, the output head (tied to the token embedding) included",
                LadderFamily.KaplanCurves, nonEmbedding: false, published[1].Exponent, options),
            source.Step(3, "+ warm-up scaled", $"a warm-up over N tokens (at most half a run) instead of {warmup}", LadderFamily.ScaledWarmupCurves, nonEmbedding: false, published[2].Exponent, options),
            source.Step(4, "+ matched cosine", "a run per IsoFLOP point, its cosine ending at its own last token, instead of reading long runs", LadderFamily.MatchedCosine, nonEmbedding: false, published[3].Exponent, options),
            source.Step(5, "+ tuned rate and batch", string.Create(CultureInfo.InvariantCulture,
                $"η = {experiment.LearningRateNumerator:0.###} / d_model and the batch rule (at most {experiment.Batch.Max}, shrunk toward {experiment.Batch.Min} so a run takes {experiment.Batch.MinSteps} steps) instead of one rate and batch"),
                LadderFamily.TunedCosine, nonEmbedding: false, published[4].Exponent, options),
        };
        var conventions = new List<LadderStep>
        {
            steps[^1],
            source.Step(5, "Chinchilla's protocol, non-embedding N", "the runs of step 5 with N and C = 6·N·D counted without the embeddings (Pearce & Song 2024)",
                LadderFamily.TunedCosine, nonEmbedding: true, null, options),
        };
        return (steps, conventions, notes);
    }

    /// <summary>A long run's loss at <paramref name="tokens"/>: log loss interpolated linearly in log tokens between its validations, or null outside them.</summary>
    public static double? LossAt(IReadOnlyList<(double Tokens, double Loss)> curve, double tokens)
    {
        if (curve.Count == 0 || tokens < curve[0].Tokens) return null;
        // A reading past the last validation by rounding to whole steps is the last validation.
        if (tokens >= curve[^1].Tokens) return tokens <= curve[^1].Tokens * (1 + ReadingTolerance) ? curve[^1].Loss : null;
        int hi = 1;
        while (curve[hi].Tokens < tokens) hi++;
        var (d0, l0) = curve[hi - 1];
        var (d1, l1) = curve[hi];
        double t = Math.Log(tokens / d0) / Math.Log(d1 / d0);
        return Math.Exp(Math.Log(l0) + t * (Math.Log(l1) - Math.Log(l0)));
    }

    /// <summary>How far past a long run's last validation a reading may fall (whole steps round its tokens).</summary>
    public const double ReadingTolerance = 1e-3;

    private sealed class Source(ProtocolLadderExperiment experiment, SweepPlan plan, Dictionary<string, SweepRunRecord> finals,
        Dictionary<string, IReadOnlyList<(double Tokens, double Loss)>> curves, List<string> notes)
    {
        private static double Counted(TinyGpt model, bool nonEmbedding) => nonEmbedding ? model.NonEmbeddingParameters : model.Parameters;

        public LadderStep Step(int number, string name, string change, LadderFamily family, bool nonEmbedding, double? published, AnalysisOptions options)
        {
            var points = family is LadderFamily.KaplanCurves or LadderFamily.ScaledWarmupCurves ? Read(family, nonEmbedding) : Finals(family, nonEmbedding);
            AllocationEstimate? estimate = null;
            string? failure = null;
            try
            {
                var (runs, groups, seeds) = Table(points, $"step {number}");
                estimate = Approach2Profiles.FitWithIntervals(runs, groups, seeds, options);
            }
            catch (Exception e) when (e is InputException or Fitting.FitFailedException)
            {
                failure = e.Message;
                notes.Add($"step {number} ({name}): {e.Message}");
            }
            return new LadderStep(number, name, change, family, nonEmbedding, points, estimate, failure, published);
        }

        // The long runs read at each budget's tokens, over the sizes the budget's profile has in this accounting.
        private List<LadderPoint> Read(LadderFamily family, bool nonEmbedding)
        {
            var points = new List<LadderPoint>();
            foreach (double budget in experiment.Budgets.Order())
                foreach (var model in experiment.SizesAt(budget, nonEmbedding, plan.Vocab))
                    foreach (var seed in experiment.Seeds)
                    {
                        string id = PlannedRun.LadderId(family, null, model.DModel, seed);
                        if (!curves.TryGetValue(id, out var curve)) continue;
                        double n = Counted(model, nonEmbedding);
                        double tokens = budget / (6 * n);
                        if (LossAt(curve, tokens) is not { } loss)
                        {
                            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{id}: no validation brackets {tokens:0.###e+0} tokens (budget {budget:0.0e+0}); left out"));
                            continue;
                        }
                        points.Add(new LadderPoint(id, seed, budget, n, tokens, budget, loss));
                    }
            return points;
        }

        // The matched runs' final losses, grouped by their planned budget and counted in this accounting.
        private List<LadderPoint> Finals(LadderFamily family, bool nonEmbedding) =>
            plan.Runs.Where(r => r.Family == family && r.Budget is not null && finals.ContainsKey(r.Id))
                .Select(r =>
                {
                    double n = Counted(r.Model, nonEmbedding);
                    return new LadderPoint(r.Id, r.Seed, r.Budget!.Value, n, r.Tokens, 6 * n * r.Tokens, finals[r.Id].Loss!.Value);
                })
                .ToList();
    }

    /// <summary>The points as a runs table with their budget groups and seeds, as Approach 2 reads them.</summary>
    private static (RunTable Runs, IReadOnlyList<IsoFlopGroup> Groups, IReadOnlyList<string?> Seeds) Table(IReadOnlyList<LadderPoint> points, string name)
    {
        if (points.Count == 0) throw new InputException($"{name}: no completed runs to read");
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var rows = points.Select(p => new string?[] { p.Run, F(p.Params), F(p.Tokens), F(p.Flops), F(p.Loss) }).ToList();
        var raw = new RawTable(name, ["run", "N", "D", "C", "loss"], rows, Enumerable.Range(2, rows.Count).ToList());
        var runs = RunTableLoader.FromRaw(raw);
        var groups = IsoFlopGroup.FromBudgets(points.Select(p => (double?)p.Budget).ToList(), runs.RequireFlops());
        return (runs, groups, points.Select(p => (string?)p.Seed.ToString(CultureInfo.InvariantCulture)).ToList());
    }
}
