using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Runs;

namespace ScaleSim.Replication;

/// <summary>
/// Replicates Hoffmann et al. (2022) Approach 3 on Epoch AI's reconstruction of their runs (Besiroglu et al. 2024):
/// the fit with intervals, Table A3 recomputed, the tenfold scale-up under each paper, and Chinchilla against Gopher.
/// </summary>
/// <param name="Runs">The runs fitted.</param>
/// <param name="Fit">The Approach-3 fit.</param>
/// <param name="Bootstrap">Its bootstrap intervals.</param>
/// <param name="TableA3">Table A3's Approach-3 rows, published and recomputed.</param>
/// <param name="TenfoldScaleUp">What 10× compute buys under each law.</param>
/// <param name="GopherVsChinchilla">Gopher and Chinchilla under every law.</param>
/// <param name="Laws">The laws compared, by name (the published ones and the refit, named <c>refit</c>).</param>
public sealed record ChinchillaReplication(
    RunTable Runs,
    FitResult Fit,
    BootstrapResult Bootstrap,
    IReadOnlyList<TableA3Row> TableA3,
    IReadOnlyList<ScaleUp> TenfoldScaleUp,
    IReadOnlyList<ModelComparison> GopherVsChinchilla,
    IReadOnlyList<(string Name, ILossLaw Law)> Laws)
{
    /// <summary>The budget both Gopher and Chinchilla were trained at (Hoffmann et al. 2022, Table 3).</summary>
    public const double GopherBudget = 5.76e23;

    /// <summary>Runs the replication.</summary>
    /// <param name="runs">The 240 runs Epoch kept.</param>
    /// <param name="tableA3">Table A3's Approach-3 rows: (params, FLOPs, tokens).</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Bootstrap seed.</param>
    /// <param name="options">Fit options (the Hoffmann grid and δ = 1e-3 by default).</param>
    public static ChinchillaReplication Run(RunTable runs, IReadOnlyList<(double Params, double Flops, double Tokens)> tableA3,
        int resamples = 1000, int seed = 0, FitOptions? options = null)
    {
        options ??= new FitOptions();
        var data = FitData.FromRuns(runs);
        var fit = MultiStartFitter.Fit(new ChinchillaLseModel(), data, options, runs.Source);
        var bootstrap = BootstrapFit.Run(fit, data, resamples, seed, options);

        var paper = ComputePlanner.For(PublishedLaws.Hoffmann.Law);
        var refit = ComputePlanner.For(fit.Law);
        var rows = tableA3.Select(r => new TableA3Row(r.Params, r.Flops, r.Tokens, paper.OptimalForParams(r.Params), refit.OptimalForParams(r.Params))).ToList();

        var laws = new List<(string, ILossLaw)>
        {
            ("hoffmann", PublishedLaws.Hoffmann.Law),
            ("epoch", PublishedLaws.Epoch.Law),
            ("refit", fit.Law),
            ("kaplan", PublishedLaws.Kaplan.Law),
        };
        var scaleUps = laws.Select(l =>
        {
            var planner = ComputePlanner.For(l.Item2);
            var small = planner.Optimal(GopherBudget);
            var large = planner.Optimal(10 * GopherBudget);
            string name = planner.Rule is KaplanFrontierRule ? $"{l.Item1} (Table 6 frontier)" : l.Item1;
            return new ScaleUp(name, large.Params / small.Params, large.Tokens / small.Tokens);
        }).ToList();
        var comparison = ModelComparison.Compare([ReferenceModels.Gopher, ReferenceModels.Chinchilla], laws);
        return new ChinchillaReplication(runs, fit, bootstrap, rows, scaleUps, comparison, laws);
    }
}
