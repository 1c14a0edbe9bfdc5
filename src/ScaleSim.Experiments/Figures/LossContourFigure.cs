using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Experiments.Figures;

/// <summary>
/// Loss contours of a law over compute and model size with its efficient frontier and the runs on top, as in Hoffmann
/// et al. (2022) Figure 4.
/// </summary>
public static class LossContourFigure
{
    /// <summary>The figure over compute [<paramref name="cMin"/>, <paramref name="cMax"/>] and size [<paramref name="nMin"/>, <paramref name="nMax"/>].</summary>
    public static Figure Create(string title, ComputePlanner planner, double[] runFlops, double[] runParams, string runsLabel,
        string paramsLabel, double cMin, double cMax, double nMin, double nMax)
    {
        var law = planner.Law;
        var frontierC = Enumerable.Range(0, 50).Select(i => cMin * Math.Pow(cMax / cMin, i / 49.0)).ToArray();
        var frontierN = frontierC.Select(c => planner.Rule.OptimalParams(c)).ToArray();
        var levels = ContourLevels(planner, cMin, cMax);
        return new Figure(title)
            .WithXAxis("Training compute C (FLOPs, 6ND)", AxisScale.Log)
            .WithYAxis(paramsLabel, AxisScale.Log)
            .AddContours((c, n) => law.Loss(n, c / (6 * n)), cMin, cMax, nMin, nMax, levels, levelLabel: "Loss L (nats/token)")
            .AddScatter(runFlops, runParams, runsLabel, new SeriesStyle { Color = FigurePalette.Grey, MarkerSize = 4 })
            .AddLine(frontierC, frontierN, "efficient frontier N_opt(C)", new SeriesStyle { Color = FigurePalette.Blue, LineWidth = 2.5f });
    }

    /// <summary>Ten levels between the optimal loss at the largest budget and a little above the smallest's.</summary>
    private static double[] ContourLevels(ComputePlanner planner, double cMin, double cMax)
    {
        double low = planner.Optimal(cMax).Loss, high = planner.Optimal(cMin).Loss;
        double span = high - low;
        return Enumerable.Range(0, 10).Select(i => Math.Round(low + span * (0.02 + 0.13 * i), 3)).Distinct().ToArray();
    }
}
