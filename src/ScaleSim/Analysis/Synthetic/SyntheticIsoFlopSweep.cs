using System.Globalization;
using System.Text;
using ScaleSim.Laws;
using ScaleSim.Runs;

namespace ScaleSim.Analysis.Synthetic;

/// <summary>
/// An IsoFLOP sweep drawn from a known Chinchilla surface, laid out as a practitioner would before knowing the answer:
/// at each budget, sizes log-spaced over <see cref="Width"/>× around the 20-tokens-per-parameter guess N = √(C/120)
/// (Hoffmann et al. 2022's rule of thumb), D = C/(6N), and log-normal noise of <see cref="Noise"/> on every loss.
/// The defaults are the sweep the prediction targets are measured on (docs/methods.md).
/// </summary>
public sealed record SyntheticIsoFlopSweep
{
    /// <summary>The surface: by default Epoch AI's refit of Chinchilla (Besiroglu et al. 2024).</summary>
    public ChinchillaLaw Law { get; init; } = (ChinchillaLaw)PublishedLaws.Epoch.Law;

    /// <summary>The budgets in FLOPs: by default 1e18 to 1e21, half a decade apart.</summary>
    public IReadOnlyList<double> Budgets { get; init; } = Enumerable.Range(0, 7).Select(k => Math.Pow(10, 18 + k / 2.0)).ToArray();

    /// <summary>Sizes per budget.</summary>
    public int SizesPerBudget { get; init; } = 9;

    /// <summary>Largest over smallest size at each budget.</summary>
    public double Width { get; init; } = 16;

    /// <summary>Standard deviation of the noise in log loss (0.01 is about 1%, the spread of seeds of a small model).</summary>
    public double Noise { get; init; } = 0.01;

    /// <summary>The surface's compute-optimal N at <paramref name="flops"/>: N_opt = G·(C/6)^a (Hoffmann et al. 2022, Eq. 4).</summary>
    public double OptimalParams(double flops) => Law.AllocationScale * Math.Pow(flops / 6, Law.ParamsExponent);

    /// <summary>The surface's compute-optimal D at <paramref name="flops"/>: C/(6·N_opt).</summary>
    public double OptimalTokens(double flops) => flops / (6 * OptimalParams(flops));

    /// <summary>The sweep of seed <paramref name="seed"/> as CSV text: columns N, D, C, loss, budget.</summary>
    public string Csv(int seed)
    {
        var text = new StringBuilder("N,D,C,loss,budget\n");
        foreach (var run in Draw(seed))
            text.Append(CultureInfo.InvariantCulture, $"{run.N:R},{run.D:R},{run.C:R},{run.Loss:R},{run.Budget:R}\n");
        return text.ToString();
    }

    /// <summary>The sweep of seed <paramref name="seed"/> as a runs table (its budgets in a <c>budget</c> column).</summary>
    public RunTable Table(int seed) => RunTableLoader.FromRaw(RawTable.ParseDelimited(Csv(seed), ',', $"synthetic-sweep-{seed}.csv"));

    private IEnumerable<(double N, double D, double C, double Loss, double Budget)> Draw(int seed)
    {
        if (SizesPerBudget < 3) throw InputException.About($"{InputName.Of("sizes_per_budget")} must be at least 3, got {SizesPerBudget}");
        if (!(Width > 1)) throw InputException.About($"{InputName.Of("width")} must be above 1, got {Width}");
        var random = new Random(seed);
        foreach (double c in Budgets)
        {
            double centre = Math.Sqrt(c / 120);
            for (int k = 0; k < SizesPerBudget; k++)
            {
                double n = centre * Math.Pow(Width, k / (SizesPerBudget - 1.0) - 0.5), d = c / (6 * n);
                yield return (n, d, c, Law.Loss(n, d) * Math.Exp(Noise * Gaussian(random)), c);
            }
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
