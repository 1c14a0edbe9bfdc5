using System.Globalization;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// Turns an experiment into runs. A size sweep is one run per width and seed at its fixed token count (or tokens per
/// parameter). An IsoFLOP experiment: at each budget, sizes spread log-evenly over <see cref="BudgetedExperiment.SizeSpan"/>
/// around the expected optimum, snapped to the shape rule; D = C / FLOPs-per-token; then extra horizons. A training grid:
/// every width, token ratio, learning rate, batch, schedule and seed. Under a cosine schedule every point is a run of its
/// own; under warmup-stable-decay the points of one size and seed (and, in a grid, rate and batch) are branches of one stem.
/// Refuses an IsoFLOP grid that cannot place an interior minimum at every budget.
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
            case TrainingGridExperiment grid:
                PlanGrid(grid, v, runs);
                break;
            case ProtocolLadderExperiment ladder:
                PlanLadder(ladder, v, runs);
                break;
            default:
                throw new ArgumentException($"unknown experiment kind {experiment.GetType().Name}", nameof(experiment));
        }

        // A ladder's Kaplan families keep one batch on purpose: their short runs are part of the protocol under test.
        foreach (var run in runs.Where(r => r.Role != RunRole.Stem && r.Steps < experiment.Batch.MinSteps && r.Family is null or LadderFamily.TunedCosine))
            warnings.Add($"{run.Id}: {run.Steps} steps at batch {run.Batch}, under the {experiment.Batch.MinSteps} the batch rule asks for (step-starved runs sit on the early plateau)");
        return new SweepPlan(experiment, v, runs, warnings);
    }

    /// <summary>One point of a grid before it becomes a run: what it is, its shape and the tokens it should see.</summary>
    private sealed record Point(string Id, RunRole Role, double? Budget, ulong Seed, TinyGpt Model, double Tokens, int? Batch = null, double? Numerator = null,
        string? Family = null, double? Ratio = null, double? GridTokens = null);

    private static void PlanIsoFlop(IsoFlopExperiment experiment, int v, List<PlannedRun> runs)
    {
        var flopModel = experiment.FlopModel;
        double Count(TinyGpt m) => m.TrainingFlopsPerToken(flopModel) / 6;
        var points = new List<Point>();
        foreach (double budget in experiment.Budgets.Order())
        {
            var models = IsoFlopSizes.Place(budget, experiment.PriorOptimum, experiment.SizesPerBudget, experiment.SizeSpan, experiment.Shape, experiment.Context, v, Count);
            foreach (var seed in experiment.Seeds)
                foreach (var model in models)
                    points.Add(new Point(PlannedRun.IsoFlopId(budget, model.DModel, seed), RunRole.IsoFlop, budget, seed, model, budget / model.TrainingFlopsPerToken(flopModel)));
        }

        if (experiment.Horizons > 1)
        {
            foreach (var group in points.GroupBy(p => (p.Model.DModel, p.Seed)).ToList())
            {
                var existing = group.Select(p => p.Tokens).ToList();
                double longest = existing.Max();
                for (int h = 1; h < experiment.Horizons; h++)
                {
                    double tokens = longest / Math.Pow(experiment.HorizonSpan, h / (experiment.Horizons - 1.0));
                    if (existing.Any(d => Math.Abs(Math.Log(d / tokens)) < Math.Log(1.25))) continue;
                    points.Add(new Point("", RunRole.Horizon, null, group.Key.Seed, group.First().Model, tokens));
                    existing.Add(tokens);
                }
            }
        }
        Realize(experiment, points, runs);
    }

    private static void PlanLadder(ProtocolLadderExperiment experiment, int v, List<PlannedRun> runs)
    {
        var protocol = experiment.KaplanProtocol;
        // Warm-up over N tokens (Porian et al. 2024, §3.3), at most half a run.
        double ScaledWarmup(TinyGpt m, long tokens) => Math.Min(0.5, m.Parameters / (double)tokens);
        double OneRate(TinyGpt m) => protocol.LearningRate * m.DModel;

        // Long runs: every size any step reads, each trained to the largest budget counted Kaplan's way (the most
        // tokens any reading needs: counting all parameters only shortens a reading).
        double top = experiment.Budgets.Max();
        var widths = experiment.Budgets.SelectMany(c => new[] { true, false }.SelectMany(nonEmbedding => experiment.SizesAt(c, nonEmbedding, v)))
            .DistinctBy(m => m.DModel).OrderBy(m => m.DModel).ToList();
        foreach (var seed in experiment.Seeds)
            foreach (var model in widths)
            {
                var run = Make(experiment, "", RunRole.Horizon, null, seed, model, top / model.TrainingFlopsPerToken(ScaleSim.Flops.FlopModels.Kaplan), protocol.Batch);
                if (protocol.WarmupSteps >= run.Steps)
                    throw new InputException($"{experiment.Name}: kaplan_protocol.warmup_steps {protocol.WarmupSteps} is not shorter than the {run.Steps} steps of the long run of d_model {model.DModel}");
                long evalEvery = Math.Max(1, run.Steps / experiment.EvaluationsPerRun);
                runs.Add(run with
                {
                    Id = PlannedRun.LadderId(LadderFamily.KaplanCurves, null, model.DModel, seed), Family = LadderFamily.KaplanCurves,
                    LearningRateNumerator = OneRate(model), WarmupFraction = protocol.WarmupSteps / (double)run.Steps, EvalEvery = evalEvery,
                });
                runs.Add(run with
                {
                    Id = PlannedRun.LadderId(LadderFamily.ScaledWarmupCurves, null, model.DModel, seed), Family = LadderFamily.ScaledWarmupCurves,
                    LearningRateNumerator = OneRate(model), WarmupFraction = ScaledWarmup(model, run.Tokens), EvalEvery = evalEvery,
                });
            }

        // Matched runs: a run per IsoFLOP point, placed and counted with all parameters.
        foreach (double budget in experiment.Budgets.Order())
            foreach (var seed in experiment.Seeds)
                foreach (var model in experiment.SizesAt(budget, nonEmbedding: false, v))
                {
                    double tokens = budget / model.TrainingFlopsPerToken(experiment.FlopModel);
                    var one = Make(experiment, PlannedRun.LadderId(LadderFamily.MatchedCosine, budget, model.DModel, seed), RunRole.IsoFlop, budget, seed, model, tokens, protocol.Batch);
                    runs.Add(one with { Family = LadderFamily.MatchedCosine, LearningRateNumerator = OneRate(model), WarmupFraction = ScaledWarmup(model, one.Tokens), EvalEvery = MatchedEvalEvery(one) });
                    var tuned = Make(experiment, PlannedRun.LadderId(LadderFamily.TunedCosine, budget, model.DModel, seed), RunRole.IsoFlop, budget, seed, model, tokens);
                    runs.Add(tuned with { Family = LadderFamily.TunedCosine, LearningRateNumerator = Scaled(experiment, tuned.Batch), WarmupFraction = ScaledWarmup(model, tuned.Tokens), EvalEvery = MatchedEvalEvery(tuned) });
                }
    }

    // A matched run is read only at its end: a few validations show its curve without costing what the long runs' many do.
    private static long MatchedEvalEvery(PlannedRun run) => Math.Max(1, run.Steps / MatchedValidations);

    private const int MatchedValidations = 10;

    private static void PlanGrid(TrainingGridExperiment experiment, int v, List<PlannedRun> runs)
    {
        var points = new List<Point>();
        var convention = experiment.Convention;
        foreach (var seed in experiment.Seeds)
            foreach (int width in experiment.Widths.Order())
            {
                var model = new TinyGpt(experiment.Shape.Layers, width, experiment.Shape.HeadsFor(width), experiment.Context, v);
                double n = convention == ScaleSim.Flops.ParameterConvention.Total ? model.Parameters : model.NonEmbeddingParameters;
                foreach (double c in experiment.Numerators)
                    foreach (int? batch in experiment.Batches.Length > 0 ? experiment.Batches.Select(b => (int?)b) : [null])
                    {
                        string cell = string.Create(CultureInfo.InvariantCulture, $"-c{c:0.###}") + (batch is { } b ? $"-b{b}" : "");
                        foreach (double r in experiment.TokensPerParam.Order())
                            points.Add(new Point(string.Create(CultureInfo.InvariantCulture, $"g-d{width}-r{r:0.###}{cell}"), RunRole.Grid, null, seed, model, r * n, batch, c, cell, r));
                        foreach (double d in experiment.Tokens.Order())
                            points.Add(new Point(string.Create(CultureInfo.InvariantCulture, $"g-d{width}-t{d:0.##e+0}{cell}").Replace("+", ""), RunRole.Grid, null, seed, model, d, batch, c, cell, d / n, d));
                    }
            }
        foreach (var kind in experiment.ScheduleKinds)
        {
            string suffix = kind == ScheduleKind.Cosine ? "cos" : "wsd";
            var rule = experiment.Schedule with { Kind = kind };
            Realize(experiment with { Schedule = rule }, points.Select(p => p with { Id = $"{p.Id}-{suffix}-s{p.Seed}", Family = p.Family + "-" + suffix }).ToList(), runs);
        }
    }

    /// <summary>
    /// The runs of <paramref name="points"/>: a run each under a cosine schedule; under warmup-stable-decay, the points
    /// of one family (size, seed and grid cell) become branches of one stem, all at one batch (the data order is a
    /// function of the step and the batch), warming up over the same steps, and validating on the same steps.
    /// </summary>
    private static void Realize(ExperimentDefinition experiment, List<Point> points, List<PlannedRun> runs)
    {
        var rule = experiment.Schedule;
        if (!rule.Branches)
        {
            foreach (var p in points)
            {
                var run = Make(experiment, p.Id, p.Role, p.Budget, p.Seed, p.Model, p.Tokens, p.Batch);
                run = run with { LearningRateNumerator = p.Numerator ?? Scaled(experiment, run.Batch), TokensPerParam = p.Ratio, GridTokens = p.GridTokens };
                runs.Add(p.Role == RunRole.Horizon ? run with { Id = PlannedRun.HorizonId(run.Tokens, p.Model.DModel, p.Seed) } : run);
            }
            return;
        }

        var stems = new List<PlannedRun>();
        var branches = new List<PlannedRun>();
        // A stem per size, seed and batch: the data order is a function of the step and the batch, so runs the batch rule
        // gives different batches cannot share a stem.
        int BatchOf(Point p) => p.Batch ?? experiment.Batch.For(p.Tokens, experiment.Context);
        foreach (var family in points.GroupBy(p => (p.Model.DModel, p.Seed, p.Family, Batch: BatchOf(p))))
        {
            var members = family.ToList();
            int batch = family.Key.Batch;
            long tokensPerStep = (long)batch * experiment.Context;
            var steps = members.Select(p => Math.Max(2, (long)Math.Round(p.Tokens / tokensPerStep))).ToList();
            long warmup = Math.Max(1, (long)Math.Round(rule.WarmupFraction * steps.Min()));
            var schedule = new WarmupStableDecay(warmup, rule.DecayFraction, rule.DecayShape);
            // A cool-down starts at 80% of a branch's steps, always after the warm-up of 5% of the shortest one.
            var starts = steps.Select(schedule.DecayStart).ToList();
            long stemSteps = starts.Max();
            long evalEvery = Math.Max(1, steps.Max() / experiment.EvaluationsPerRun);
            var model = family.First().Model;
            string? variant = family.Key.Family ?? (points.Where(p => p.Model.DModel == model.DModel && p.Seed == family.Key.Seed).Select(BatchOf).Distinct().Count() > 1
                ? $"-b{batch}" : null);
            string stemId = PlannedRun.StemId(model.DModel, family.Key.Seed, variant);
            double? numerator = members[0].Numerator ?? Scaled(experiment, batch);
            double perToken = model.TrainingFlopsPerToken(experiment.FlopModel);
            for (int i = 0; i < members.Count; i++)
            {
                var p = members[i];
                long tokens = steps[i] * tokensPerStep;
                string id = p.Role == RunRole.Horizon ? PlannedRun.HorizonId(tokens, model.DModel, p.Seed) : p.Id;
                branches.Add(new PlannedRun(id, p.Role, p.Budget, p.Seed, model, batch, tokens, tokens * perToken)
                {
                    Schedule = schedule,
                    EvalEvery = evalEvery,
                    LearningRateNumerator = numerator,
                    TokensPerParam = p.Ratio,
                    GridTokens = p.GridTokens,
                    Stem = stemId,
                    BranchStep = starts[i],
                });
            }
            stems.Add(new PlannedRun(stemId, RunRole.Stem, null, family.Key.Seed, model, batch, stemSteps * tokensPerStep, stemSteps * tokensPerStep * perToken)
            {
                Schedule = schedule with { DecayFraction = 0, DecayValidations = 0 },
                EvalEvery = evalEvery,
                LearningRateNumerator = numerator,
                BranchSteps = starts.Distinct().Order().ToList(),
            });
        }
        runs.AddRange(branches.Where(b => b.Role != RunRole.Horizon));
        runs.AddRange(branches.Where(b => b.Role == RunRole.Horizon));
        runs.AddRange(stems);
    }

    /// <summary>The experiment's numerator scaled for a run at <paramref name="batch"/>, or null when the batch rule leaves it as it is.</summary>
    private static double? Scaled(ExperimentDefinition experiment, int batch)
    {
        double factor = experiment.Batch.LearningRateFactor(batch);
        return factor == 1 ? null : experiment.LearningRateNumerator * factor;
    }

    private static PlannedRun Make(ExperimentDefinition experiment, string id, RunRole role, double? budget, ulong seed, TinyGpt model, double tokens, int? batch = null)
    {
        int b = batch ?? experiment.Batch.For(tokens, experiment.Context);
        long steps = Math.Max(1, (long)Math.Round(tokens / ((double)b * experiment.Context)));
        long trained = steps * b * experiment.Context;
        return new PlannedRun(id, role, budget, seed, model, b, trained, trained * model.TrainingFlopsPerToken(experiment.FlopModel));
    }
}
