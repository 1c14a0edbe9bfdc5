using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Tests;

/// <summary>Noisy runs drawn from a known law, laid out as IsoFLOP grids like a real sweep.</summary>
internal static class SyntheticRuns
{
    /// <summary>
    /// Runs at budgets 1e18…1e22 (one per half decade), 10 sizes per budget spanning ~30× around N = sqrt(C/120),
    /// D = C/6N, with log-normal noise of <paramref name="sigma"/> on the loss.
    /// </summary>
    public static (double[] N, double[] D, double[] C, double[] Loss) IsoFlopGrid(ILossLaw law, double sigma, int seed)
    {
        var random = new Random(seed);
        var n = new List<double>();
        var d = new List<double>();
        var c = new List<double>();
        var loss = new List<double>();
        for (double logC = 18; logC <= 22.01; logC += 0.5)
        {
            double flops = Math.Pow(10, logC);
            double center = Math.Sqrt(flops / 120.0);
            for (int k = 0; k < 10; k++)
            {
                double size = center * Math.Pow(30, (k - 4.5) / 9.0);
                double tokens = flops / (6 * size);
                n.Add(size);
                d.Add(tokens);
                c.Add(flops);
                loss.Add(law.Loss(new ScalePoint(size, tokens, flops)) * Math.Exp(sigma * Gaussian(random)));
            }
        }
        return (n.ToArray(), d.ToArray(), c.ToArray(), loss.ToArray());
    }

    public static FitData Data((double[] N, double[] D, double[] C, double[] Loss) runs) =>
        FitData.FromValues(runs.N, runs.D, runs.C, runs.Loss);

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
