using ScaleSim.Training.Model;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Turns an experiment into runs. A size sweep is one run per width and seed at its fixed token count (or tokens per parameter). An IsoFLOP
/// experiment: at each budget, sizes spread log-evenly over <see cref="IsoFlopExperiment.SizeSpan"/>
/// around the expected optimum, snapped to the shape rule; D = C / FLOPs-per-token; a batch per run; then extra horizons.
/// Refuses a grid that cannot place an interior minimum at every budget.
/// </summary>
public static class SweepPlanner
{
    /// <summary>Plans <paramref name="experiment"/>; <paramref name="vocab"/> defaults to the data source's.</summary>
    public static SweepPlan Plan(ExperimentDefinition experiment, int? vocab = null)
    {
        int v = vocab ?? experiment.Data.Open().Vocab;
        var runs = new List<PlannedRun>();
        var warnings = new List<string>();
        switch (experiment)
        {
            case SizeSweepExperiment sizes:
                foreach (var seed in sizes.Seeds)
                    foreach (int width in sizes.Widths.Order())
                    {
                        var model = new TinyGpt(sizes.Shape.Layers, width, sizes.Shape.HeadsFor(width), sizes.Context, v);
                        runs.Add(Make(experiment, PlannedRun.SizeId(width, seed), RunRole.Size, null, seed, model, sizes.TokensFor(model)));
                    }
                break;
            case IsoFlopExperiment isoFlop:
                PlanIsoFlop(isoFlop, v, runs);
                break;
            default:
                throw new ArgumentException($"unknown experiment kind {experiment.GetType().Name}", nameof(experiment));
        }

        foreach (var run in runs.Where(r => r.Steps < experiment.Batch.MinSteps))
            warnings.Add($"{run.Id}: {run.Steps} steps at batch {run.Batch}, under the {experiment.Batch.MinSteps} the batch rule asks for (step-starved runs sit on the early plateau)");
        return new SweepPlan(experiment, v, runs, warnings);
    }

    private static void PlanIsoFlop(IsoFlopExperiment experiment, int v, List<PlannedRun> runs)
    {
        var flopModel = experiment.FlopModel;
        double Count(TinyGpt m) => m.TrainingFlopsPerToken(flopModel) / 6;
        foreach (double budget in experiment.Budgets.Order())
        {
            double optimum = experiment.PriorOptimum.At(budget);
            int k = experiment.SizesPerBudget;
            var models = Enumerable.Range(0, k)
                .Select(i => optimum * Math.Pow(experiment.SizeSpan, (i - (k - 1) / 2.0) / (k - 1)))
                .Select(target => experiment.Shape.Nearest(target, experiment.Context, v, Count))
                .DistinctBy(m => m.DModel)
                .ToList();
            int below = models.Count(m => Count(m) < optimum), above = models.Count(m => Count(m) > optimum);
            if (below < 2 || above < 2)
                throw new InputException(
                    $"budget {budget:0.0e+00}: the expected optimum N ≈ {optimum:0.0e+00} has {below} size(s) below and {above} above it within the shape rule " +
                    $"(d_model {experiment.Shape.MinWidth}–{experiment.Shape.MaxWidth}); an IsoFLOP profile needs at least 2 on each side to place an interior minimum");
            foreach (var seed in experiment.Seeds)
                foreach (var model in models)
                    runs.Add(Make(experiment, PlannedRun.IsoFlopId(budget, model.DModel, seed), RunRole.IsoFlop, budget, seed, model, budget / model.TrainingFlopsPerToken(flopModel)));
        }

        if (experiment.Horizons > 1)
        {
            foreach (var group in runs.Where(r => r.Role == RunRole.IsoFlop).GroupBy(r => (r.Model.DModel, r.Seed)).ToList())
            {
                var existing = group.Select(r => (double)r.Tokens).ToList();
                double longest = existing.Max();
                for (int h = 1; h < experiment.Horizons; h++)
                {
                    double tokens = longest / Math.Pow(experiment.HorizonSpan, h / (experiment.Horizons - 1.0));
                    if (existing.Any(d => Math.Abs(Math.Log(d / tokens)) < Math.Log(1.25))) continue;
                    var model = group.First().Model;
                    var run = Make(experiment, "", RunRole.Horizon, null, group.Key.Seed, model, tokens);
                    runs.Add(run with { Id = PlannedRun.HorizonId(run.Tokens, model.DModel, run.Seed) });
                    existing.Add(tokens);
                }
            }
        }
    }

    private static PlannedRun Make(ExperimentDefinition experiment, string id, RunRole role, double? budget, ulong seed, TinyGpt model, double tokens)
    {
        int batch = experiment.Batch.For(tokens, experiment.Context);
        long steps = Math.Max(1, (long)Math.Round(tokens / ((double)batch * experiment.Context)));
        long trained = steps * batch * experiment.Context;
        return new PlannedRun(id, role, budget, seed, model, batch, trained, trained * model.TrainingFlopsPerToken(experiment.FlopModel));
    }
}
