using System.Globalization;
using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Runs;

namespace ScaleSim.Analysis;

/// <summary>
/// All three of Hoffmann et al.'s (2022) approaches, Kaplan's fits and a backtest on one set of runs: a table like their
/// Table 2, with bootstrap intervals on every exponent.
/// </summary>
public static class ScalingAnalysis
{
    /// <summary>Analyses <paramref name="runs"/> (final losses) and, when given, their training curves.</summary>
    /// <param name="runs">Final losses, one row per run.</param>
    /// <param name="curves">Training curves for Approach 1; without them it uses the envelope of final losses.</param>
    /// <param name="options">Bootstrap and fit options, the grouping tolerance and the budgets to predict at.</param>
    /// <param name="groups">The IsoFLOP budgets, when the runs say which budget they belong to; otherwise runs whose
    /// compute agrees within <see cref="AnalysisOptions.BudgetTolerance"/> are grouped. Runs in no group still count for
    /// Approaches 1 and 3.</param>
    public static ScalingAnalysisResult Run(RunTable runs, IReadOnlyList<TrainingCurve>? curves = null, AnalysisOptions? options = null,
        IReadOnlyList<IsoFlopGroup>? groups = null) => Run(runs, curves, options, groups, seeds: null, names: null);

    /// <summary>
    /// Analyses prepared runs (<see cref="ScalingAnalysisInput.Prepare"/>). When some size was trained with two or more
    /// seeds, every interval — Approaches 1–3 and the backtest — comes from the stratified seed bootstrap
    /// (<see cref="SeedResampling"/>): the same resampled seeds for every approach.
    /// </summary>
    public static ScalingAnalysisResult Run(ScalingAnalysisInput input, AnalysisOptions? options = null) =>
        Run(input.Runs, input.Curves, (options ?? new AnalysisOptions()) with { EntropyFloor = options?.EntropyFloor ?? input.EntropyFloor }, input.Groups, input.Seeds, input.RunNames);

    private static ScalingAnalysisResult Run(RunTable runs, IReadOnlyList<TrainingCurve>? curves, AnalysisOptions? options,
        IReadOnlyList<IsoFlopGroup>? groups, IReadOnlyList<string?>? seeds, IReadOnlyList<string?>? names)
    {
        options ??= new AnalysisOptions();
        var notes = new List<string>();
        var warnings = new List<string>();
        var flops = runs.RequireFlops();
        runs.RequireParams();
        runs.RequireTokens();
        foreach (double c in options.PredictAt)
            if (!(double.IsFinite(c) && c > 0)) throw InputException.About($"{InputName.Of("predict_at")} must be positive FLOPs, got {c}");
        bool fromColumn = groups is not null;
        groups ??= IsoFlopGroup.WithinTolerance(flops, options.BudgetTolerance);
        var parabolas = Approach2Profiles.Parabolas(runs, groups);
        var scattered = groups.Where(g => !Approach2Profiles.IsProfile(runs, g)).ToList();
        // A fragmented grid would otherwise fill the screen with one note per budget.
        if (scattered.Count > 3)
            notes.Add($"{scattered.Count} budgets ({string.Join(", ", scattered.Take(4).Select(g => g.Flops.ToString("0.00e+00", CultureInfo.InvariantCulture)))}, …) do not form IsoFLOP profiles (too few sizes, or compute spread over more than {Approach2Profiles.MaxSpread}×)");
        else
            foreach (var g in scattered)
                notes.Add($"budget {g.Flops:0.00e+00}: {g.Rows.Count} run(s) do not form an IsoFLOP profile (too few sizes, or compute spread over more than {Approach2Profiles.MaxSpread}×)");
        foreach (var p in parabolas.Where(p => !p.HasInteriorMinimum))
            notes.Add($"budget {p.Flops:0.00e+00}: the IsoFLOP parabola has no interior minimum; left out of Approach 2");
        var grouped = groups.SelectMany(g => g.Rows).ToHashSet();
        var grouping = new BudgetGrouping(fromColumn ? options.BudgetColumn ?? RunAnnotations.Columns.Budget : null, fromColumn ? null : options.BudgetTolerance,
            groups.Count, parabolas.Count, Enumerable.Range(0, runs.Count).Where(i => !grouped.Contains(i)).ToList());

        var design = SeedResampling.From(runs, seeds);
        var curveOf = curves is null || names is null ? null : curves.GroupBy(c => c.Run).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // The runs of one resample: seeds within each size when the runs have them, otherwise runs within each budget.
        var draw = AllocationBootstrap.Drawer(runs, groups, design);
        string resampling = design is null
            ? "runs within each budget (Approach 2 and the backtest), training curves (Approach 1) and runs (Approach 3)"
            : $"seeds within each size, every approach on the same resamples ({design.Sizes} sizes, {(design.MinSeeds == design.MaxSeeds ? $"{design.MinSeeds}" : $"{design.MinSeeds}–{design.MaxSeeds}")} seeds each)";

        bool fromCurves = curves is { Count: > 0 };
        AllocationEstimate approach1;
        if (fromCurves)
        {
            approach1 = AllocationBootstrap.Bootstrapped(Approach1Envelope.Fit(curves!, options.EnvelopeSamples), options, random =>
                Approach1Envelope.Fit(design is not null && curveOf is not null
                    ? design.Draw(random).Select(r => names![r] is { } name && curveOf.TryGetValue(name, out var c) ? c : null).OfType<TrainingCurve>().ToList()
                    : Resample(curves!, random), Math.Min(options.EnvelopeSamples, 300)));
        }
        else
        {
            notes.Add("no training curves: Approach 1 uses the envelope of final losses only");
            approach1 = AllocationBootstrap.Bootstrapped(Approach1Envelope.FitFinalPoints(runs), options, random =>
                Approach1Envelope.FitFinalPoints(design is null ? runs.Select(Enumerable.Range(0, runs.Count).Select(_ => random.Next(runs.Count)).ToArray()) : draw(random).Runs));
        }

        AllocationEstimate? approach2 = null;
        try
        {
            approach2 = AllocationBootstrap.Bootstrapped(Approach2Profiles.Fit(parabolas), options, random =>
            {
                var resampled = draw(random);
                return Approach2Profiles.Fit(Approach2Profiles.Parabolas(resampled.Runs, resampled.Groups));
            });
        }
        catch (Exception e) when (e is InputException or FitFailedException)
        {
            notes.Add(e.Message);
        }

        var data = FitData.FromRuns(runs);
        var fit = MultiStartFitter.Fit(Approach3Model(options), data, options.Fit, runs.Source);
        var law = (ChinchillaLaw)fit.Law;
        if (AllocationFailure(law) is { } failure)
            throw new FitFailedException($"Approach 3 (parametric fit) on {Path.GetFileName(runs.Source)}", failure);
        var bootstrap = BootstrapFit.Run(fit, data, Math.Max(options.Resamples, 2), options.Seed, options.Fit, draw: design is null ? null : design.Draw);
        var approach3 = Approach3Estimate(law) with
        {
            CiA = (bootstrap["a"].Low, bootstrap["a"].High),
            CiB = (bootstrap["b"].Low, bootstrap["b"].High),
            Resamples = options.Resamples < 2 ? [] : Approach3Resamples(bootstrap),
        };

        var scatter = Approach2Profiles.Scatter(parabolas);
        if (scatter > MisfitCheck.UnusableRmse)
            warnings.Add($"the runs scatter by {scatter:0.000} in log loss about their IsoFLOP parabolas (seeds of one configuration differ by about 0.01): does the table mix experiments?");
        warnings.AddRange(MisfitCheck.Warnings(fit, "Approach 3 (parametric fit)", scatter));
        var bias = Approach2Profiles.Bias(runs, groups, parabolas, law);
        if (approach2 is not null && bias.IsLarge)
            warnings.Add($"Approach 2: on these budgets' sizes (up to {parabolas.Max(p => p.Width):0.#}× wide) a parabola misses the optimum of the " +
                $"Approach-3 law's own noise-free profile by up to {bias.WorstVertexBias:0.0%} and tilts a by {bias.ExponentBias:+0.000;-0.000;0.000}: " +
                "the parabola is a biased model of these profiles, and Approach 2's intercept and predictions carry that bias");

        var kaplanJoint = TryFit(runs, "kaplan-nd", options, notes);
        var kaplanCompute = TryFit(runs.Select(KaplanComputeRows(runs, groups)), "kaplan-c", options, notes);
        // The held-out budget is the largest one with a profile; the law is fitted on every run of the budgets at least
        // BacktestExtrapolation below it, which need two profiles among them.
        var profiled = groups.Where(g => parabolas.Any(p => p.Flops == g.Flops)).ToList();
        Backtest? backtest = null;
        if (profiled.Count >= 1)
        {
            var heldOut = profiled[^1];
            var fitted = BacktestBudgets(groups, heldOut, options.BacktestExtrapolation);
            if (fitted.Count(g => profiled.Contains(g)) >= 2)
                backtest = RunBacktest(runs, groups, fitted, heldOut, parabolas.Single(p => p.Flops == heldOut.Flops), options, notes, draw);
            else
                notes.Add($"{fitted.Count(g => profiled.Contains(g))} budget(s) with IsoFLOP profiles at least {options.BacktestExtrapolation:0.##}× below the largest: no backtest (it needs two)");
        }

        return new ScalingAnalysisResult(runs, groups, parabolas, WithPredictions(approach1, options), fromCurves,
            approach2 is null ? null : WithPredictions(approach2, options), WithPredictions(approach3, options), fit, bootstrap,
            kaplanJoint, kaplanCompute, options.EntropyFloor, backtest, notes)
        {
            Grouping = grouping,
            Approach2Bias = bias,
            Scatter = scatter,
            Warnings = warnings,
            Resampling = resampling,
            SeedNoise = SeedResampling.ByBudget(runs, groups, seeds),
        };
    }

    /// <summary>Approach 3's allocation laws in closed form: N_opt = G·(C/6)^a, D_opt = (C/6)^b / G (Hoffmann et al. 2022, Eq. 4).</summary>
    public static AllocationEstimate Approach3Estimate(ChinchillaLaw law)
    {
        double g = law.AllocationScale, a = law.ParamsExponent, b = law.TokensExponent;
        return new AllocationEstimate("3", new PowerLaw(g * Math.Pow(6, -a), a), new PowerLaw(Math.Pow(6, -b) / g, b), []) { Law = law };
    }

    /// <summary>Approach 3 on each bootstrap resample whose law gives a finite allocation.</summary>
    private static IReadOnlyList<AllocationEstimate> Approach3Resamples(BootstrapResult bootstrap)
    {
        var s = bootstrap.Samples;
        return Enumerable.Range(0, bootstrap.Resamples)
            .Select(i => new ChinchillaLaw(s["E"][i], s["A"][i], s["B"][i], s["alpha"][i], s["beta"][i]))
            .Where(law => AllocationFailure(law) is null)
            .Select(Approach3Estimate)
            .ToList();
    }

    private static AllocationEstimate WithPredictions(AllocationEstimate estimate, AnalysisOptions options) =>
        options.PredictAt.Count == 0 ? estimate : estimate with { Predictions = options.PredictAt.Select(estimate.PredictAt).ToList() };

    /// <summary>
    /// Why a fitted law gives no compute-optimal allocation (its exponents or scale not finite, as when α or β runs off
    /// to a bound), or null when it gives one.
    /// </summary>
    private static string? AllocationFailure(ChinchillaLaw law)
    {
        double g = law.AllocationScale, a = law.ParamsExponent;
        if (double.IsFinite(g) && g > 0 && double.IsFinite(a) && a > 0 && a < 1) return null;
        return $"the fitted law (E = {law.E:G4}, A = {law.A:G4}, B = {law.B:G4}, alpha = {law.Alpha:G4}, beta = {law.Beta:G4}) has no finite " +
            $"compute-optimal allocation (N_opt = G·(C/6)^a with G = {g:G3}, a = {a:G3}): the law does not describe these runs";
    }

    /// <summary>Approach 3's model: Hoffmann et al.'s LSE form, with E free or held at the known floor.</summary>
    private static ILogLossModel Approach3Model(AnalysisOptions options) =>
        options.FixedIrreducibleLoss is { } e ? new ChinchillaFixedFloorModel(e) : new ChinchillaLseModel();

    /// <summary>
    /// The rows Kaplan's L(C) is fitted on: the compute envelope (Kaplan et al. 2020, §6) with each IsoFLOP budget counted
    /// as one compute, so its best run stands for it. The runs of one budget differ in compute only by rounding to whole
    /// steps (under 0.1%); an envelope over their own compute would pick its points by those differences.
    /// </summary>
    private static int[] KaplanComputeRows(RunTable runs, IReadOnlyList<IsoFlopGroup> groups)
    {
        var flops = runs.RequireFlops();
        var grouped = groups.SelectMany(g => g.Rows).ToHashSet();
        var candidates = groups.Select(g => g.Rows.MinBy(r => runs.Loss[r]))
            .Concat(Enumerable.Range(0, runs.Count).Where(i => !grouped.Contains(i)))
            .Order().ToArray();
        var envelope = ComputeEnvelope.Indices(candidates.Select(i => flops[i]).ToArray(), candidates.Select(i => runs.Loss[i]).ToArray());
        return envelope.Select(k => candidates[k]).Order().ToArray();
    }

    /// <summary>The budgets a backtest fits: those at least <paramref name="extrapolation"/> times below the held-out one (5% tolerance).</summary>
    private static IReadOnlyList<IsoFlopGroup> BacktestBudgets(IReadOnlyList<IsoFlopGroup> groups, IsoFlopGroup heldOut, double extrapolation) =>
        groups.Where(g => g.Flops < heldOut.Flops && g.Flops * extrapolation <= heldOut.Flops * 1.05).ToList();

    private static Backtest? RunBacktest(RunTable runs, IReadOnlyList<IsoFlopGroup> groups, IReadOnlyList<IsoFlopGroup> fittedGroups, IsoFlopGroup heldOutGroup,
        IsoFlopParabola heldOut, AnalysisOptions options, List<string> notes, Func<Random, (RunTable Runs, IReadOnlyList<IsoFlopGroup> Groups, int[] Rows)> draw)
    {
        var training = runs.Select(fittedGroups.SelectMany(g => g.Rows).Order().ToArray());
        FitResult fit;
        try { fit = MultiStartFitter.Fit(Approach3Model(options), FitData.FromRuns(training), options.Fit, runs.Source); }
        catch (Exception e) when (e is InputException or FitFailedException)
        {
            notes.Add($"backtest: the fit on the budgets below {heldOut.Flops:0.00e+00} failed ({e.Message})");
            return null;
        }
        if (AllocationFailure((ChinchillaLaw)fit.Law) is { } failure)
        {
            notes.Add($"backtest: fitted on the budgets below {heldOut.Flops:0.00e+00}, {failure}");
            return null;
        }
        var predicted = ComputePlanner.For(fit.Law).Optimal(heldOut.Flops);
        double observedN, observedLoss;
        if (heldOut.HasInteriorMinimum)
        {
            observedN = heldOut.OptimalParams;
            observedLoss = heldOut.MinimumLoss;
        }
        else
        {
            int best = heldOutGroup.Rows.MinBy(r => runs.Loss[r]);
            observedN = runs.RequireParams()[best];
            observedLoss = runs.Loss[best];
            notes.Add("backtest: the largest budget has no interior minimum, so its best run stands for the observed optimum");
        }
        var backtest = new Backtest(heldOut.Flops, predicted.Params, observedN, predicted.Loss, observedLoss, fit.Law) { FittedFlops = fittedGroups.Max(g => g.Flops) };
        if (options.Resamples < 2) return backtest;
        // The same resamples as the approaches: the law refitted on the resampled smaller budgets from the full-data
        // optimum, the observed optimum read off the resampled held-out profile.
        int heldIndex = groups.ToList().IndexOf(heldOutGroup);
        var fittedIndex = fittedGroups.Select(g => groups.ToList().IndexOf(g)).ToHashSet();
        var errors = BootstrapResampler.Run(options.Resamples, options.Seed, options.Fit.Parallel, random =>
        {
            var (r, g, _) = draw(random);
            var rows = g.Where((_, i) => fittedIndex.Contains(i)).SelectMany(x => x.Rows).Order().ToArray();
            var refit = MultiStartFitter.FitFrom(fit.Model, FitData.FromRuns(r.Select(rows)), fit.Theta, options.Fit);
            if (!double.IsFinite(refit.Objective) || fit.Model.ToLaw(refit.Theta) is not ChinchillaLaw law || AllocationFailure(law) is not null) return ((double, double)?)null;
            var n = r.RequireParams();
            var held = g[heldIndex];
            if (held.Rows.Select(i => n[i]).Distinct().Count() < 3) return null;
            var parabola = IsoFlopParabola.Fit(held.Flops, held.Rows.Select(i => n[i]).ToArray(), held.Rows.Select(i => r.Loss[i]).ToArray());
            int best = held.Rows.MinBy(i => r.Loss[i]);
            double obsN = parabola.HasInteriorMinimum ? parabola.OptimalParams : n[best];
            double obsLoss = parabola.HasInteriorMinimum ? parabola.MinimumLoss : r.Loss[best];
            var optimum = ComputePlanner.For(law).Optimal(heldOut.Flops);
            return (optimum.Loss / obsLoss - 1, optimum.Params / obsN);
        }).OfType<(double Loss, double Ratio)>().ToList();
        if (errors.Count < 2) return backtest;
        var loss = errors.Select(e => e.Loss).Order().ToArray();
        var ratio = errors.Select(e => e.Ratio).Order().ToArray();
        return backtest with
        {
            CiLossError = (Percentiles.Interpolated(loss, Percentiles.Lower95), Percentiles.Interpolated(loss, Percentiles.Upper95)),
            CiParamsRatio = (Percentiles.Interpolated(ratio, Percentiles.Lower95), Percentiles.Interpolated(ratio, Percentiles.Upper95)),
        };
    }

    private static FitResult? TryFit(RunTable runs, string law, AnalysisOptions options, List<string> notes)
    {
        try
        {
            var model = LawFits.Model(law, irreducible: true);
            // Starts given in the options are Approach 3's (a point of the LSE form); Kaplan's laws keep their own.
            return MultiStartFitter.Fit(model, FitData.FromRuns(LawFits.Rows(runs, model)), options.Fit with { Starts = null }, runs.Source);
        }
        catch (Exception e) when (e is InputException or FitFailedException)
        {
            notes.Add($"{law}: {e.Message}");
            return null;
        }
    }

    private static IReadOnlyList<TrainingCurve> Resample(IReadOnlyList<TrainingCurve> curves, Random random) =>
        Enumerable.Range(0, curves.Count).Select(_ => curves[random.Next(curves.Count)]).ToList();
}
