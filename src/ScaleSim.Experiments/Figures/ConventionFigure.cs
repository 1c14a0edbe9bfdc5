using ScaleSim.Flops;
using ScaleSim.Plotting;

namespace ScaleSim.Experiments.Figures;

/// <summary>N_opt against C from the same runs counted two ways: the parameter convention moves the exponent.</summary>
internal static class ConventionFigure
{
    /// <summary>The figure of the analyses, one colour each.</summary>
    public static Figure Create(IReadOnlyList<ConventionAnalysis> conventions)
    {
        var all = conventions.SelectMany(c => c.Result.Groups.Select(g => g.Flops)).ToList();
        double cMin = all.Min() / 2, cMax = all.Max() * 2;
        var cs = Enumerable.Range(0, 30).Select(i => cMin * Math.Pow(cMax / cMin, i / 29.0)).ToArray();
        var figure = new Figure("Compute-optimal N under two parameter conventions")
            .WithXAxis("Compute C = 6ND (FLOPs, N as counted)", AxisScale.Log)
            .WithYAxis("Compute-optimal parameters N_opt", AxisScale.Log);
        for (int i = 0; i < conventions.Count; i++)
        {
            var (name, r) = (conventions[i].Convention.Name(), conventions[i].Result);
            var color = FigurePalette.Series(i);
            figure.AddLine(cs, cs.Select(r.Approach3.ParamsLaw.At).ToArray(), $"{name} N, Approach 3: a = {r.Approach3.A:F2}", new SeriesStyle { Color = color });
            if (r.Approach2 is { } a2)
                figure.AddScatter(a2.Points.Select(p => p.Flops).ToArray(), a2.Points.Select(p => p.Params).ToArray(),
                    $"{name} N, Approach 2 minima: a = {a2.A:F2}", new SeriesStyle { Color = color });
        }
        return figure;
    }
}
