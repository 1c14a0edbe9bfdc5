using ScaleSim.Experiments.Figures;
using ScaleSim.Laws;
using ScaleSim.Tasks;

namespace ScaleSim.Experiments.Tests;

public class TaskCurveFigureTests
{
    [Fact]
    public void ScoresAtZeroKeepTheirIntervalsInsideZeroToOne()
    {
        // An exact-match curve of eight binary digits: chance 1/256, most models score 0, two score 1 of 37.
        double chance = 1.0 / 256;
        var scores = new[] { 0, 0, 0, 1 / 37.0, 0, 0, 1 / 37.0, 0 };
        var points = scores.Select((s, i) => new TaskObservation($"m{i}", 1e4 * Math.Pow(1.6, i), "memo", "exact_match", s, chance, Examples: 37));
        var result = TaskCurveAnalysis.Analyze(new TaskCurve("memo.csv", ScaleVariable.Params, points), new TaskCurveOptions { Bootstrap = 20 });

        var figure = TaskCurveFigures.Curve(result);
        var bars = figure.DataCsv().Split('\n').Where(l => l.StartsWith("error-bar,", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToArray();
        Assert.Equal(scores.Length, bars.Length);
        foreach (var bar in bars)
        {
            double y = double.Parse(bar[^3], System.Globalization.CultureInfo.InvariantCulture);
            double low = double.Parse(bar[^2], System.Globalization.CultureInfo.InvariantCulture);
            double high = double.Parse(bar[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(low, 0, y);
            Assert.InRange(high, y, 1);
            // Wilson's interval for 0 of 37 reaches 1.96²/37 / (1 + 1.96²/37) = 0.094 (the Wald interval would be [0, 0]).
            if (y == 0) Assert.Equal(0.094, high, 3);
        }
        var legend = figure.MeasureLayout().LegendEntries;
        Assert.Contains("chance 0.00391", legend);
        Assert.Contains(legend, e => e.Contains("Wilson interval", StringComparison.Ordinal));
    }
}
