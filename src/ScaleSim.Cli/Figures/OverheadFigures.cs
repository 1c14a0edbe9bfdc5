using ScaleSim.Planning;
using ScaleSim.Plotting;

namespace ScaleSim.Cli.Figures;

/// <summary>The extra training compute of smaller-than-optimal models reaching the compute-optimal loss (de Vries 2023).</summary>
internal static class OverheadFigures
{
    public static string Write(FigureTarget target, SmallModelOverhead overhead, double flops, string lawName)
    {
        double critical = overhead.CriticalSizeFraction(flops);
        var fractions = Enumerable.Range(0, 160).Select(i => critical * Math.Pow(1 / critical, (i + 1) / 160.0)).Where(k => k > critical * 1.01).ToArray();
        var rows = overhead.At(flops, fractions).Where(r => r.Reachable && r.Overhead is > 1e-4 and < 20).ToList();
        var figure = new Figure($"Smaller models reaching the optimal loss at C = {flops:0.0e+00} ({lawName})")
            .WithXAxis("Model size relative to compute-optimal, N/N_opt (total parameters)")
            .WithYAxis("Extra training compute, C/C_opt − 1 (C = 6ND)", AxisScale.Log)
            .AddLine(rows.Select(r => r.SizeFraction).ToArray(), rows.Select(r => r.Overhead).ToArray(), "extra compute")
            .AddVerticalLine(critical, $"critical size {critical:P0} of N_opt");
        var deVries = overhead.At(flops, [0.3])[0];
        if (deVries.Reachable)
            figure.AddHighlight(0.3, deVries.Overhead, $"30% of N_opt: +{deVries.Overhead:P0} compute", FigurePalette.Vermillion);
        return figure.Save(target.Directory, "small-model-overhead", target.Output).Describe();
    }
}
