using ScaleSim.Laws;

namespace ScaleSim.Tests.Laws;

public class LawGradientTests
{
    public static TheoryData<string> Laws => ["chinchilla", "kaplan-n", "kaplan-n+E", "kaplan-d", "kaplan-c+E", "kaplan-nd", "kaplan-nd+E"];

    private static ILossLaw Make(string name, IReadOnlyList<double> p) => name switch
    {
        "chinchilla" => new ChinchillaLaw(p[0], p[1], p[2], p[3], p[4]),
        "kaplan-n" => new KaplanPowerLaw(ScaleVariable.Params, p[1], p[0]),
        "kaplan-n+E" => new KaplanPowerLaw(ScaleVariable.Params, p[1], p[0], p[2]),
        "kaplan-d" => new KaplanPowerLaw(ScaleVariable.Tokens, p[1], p[0]),
        "kaplan-c+E" => new KaplanPowerLaw(ScaleVariable.Flops, p[1], p[0], p[2]),
        "kaplan-nd" => new KaplanJointLaw(p[0], p[1], p[2], p[3]),
        "kaplan-nd+E" => new KaplanJointLaw(p[0], p[1], p[2], p[3], p[4]),
        _ => throw new ArgumentException(name),
    };

    private static double[] Defaults(string name) => name switch
    {
        "chinchilla" => [1.8, 480, 2100, 0.35, 0.37],
        "kaplan-n" or "kaplan-d" => [0.076, 8.8e13],
        "kaplan-n+E" or "kaplan-c+E" => [0.08, 5e13, 1.2],
        "kaplan-nd" => [0.076, 0.103, 6.4e13, 1.8e13],
        _ => [0.076, 0.103, 6.4e13, 1.8e13, 0.9],
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var parameters = Defaults(name);
        foreach (var point in new[] { new ScalePoint(1e8, 2e9, 1.2e18), new ScalePoint(7e10, 1.4e12, 5.9e23), new ScalePoint(3e5, 1e7, 1.8e13) })
        {
            var law = Make(name, parameters);
            var analytic = new double[parameters.Length];
            law.Gradient(point, analytic);
            var numeric = FiniteDifference.Gradient(p => Make(name, p).Loss(point), parameters);
            FiniteDifference.AssertClose(numeric, analytic, relativeTolerance: 1e-6, absoluteTolerance: 1e-14);
        }
    }

    [Fact]
    public void ChinchillaEvaluatesItsEquation()
    {
        var law = new ChinchillaLaw(1.69, 406.4, 410.7, 0.34, 0.28);
        double expected = 1.69 + 406.4 / Math.Pow(70e9, 0.34) + 410.7 / Math.Pow(1.4e12, 0.28);
        Assert.Equal(expected, law.Loss(70e9, 1.4e12), 12);
    }

    [Fact]
    public void KaplanJointReducesToItsOneVariableLimits()
    {
        // Kaplan et al. 2020, Eq. 1.5: with D → ∞ it is L(N) = (N_c/N)^alpha_N.
        var joint = new KaplanJointLaw(0.076, 0.103, 6.4e13, 1.8e13);
        Assert.Equal(Math.Pow(6.4e13 / 1e9, 0.076), joint.Loss(1e9, 1e40), 9);
        Assert.Equal(Math.Pow(1.8e13 / 1e10, 0.103), joint.Loss(1e40, 1e10), 9);
    }

    [Fact]
    public void ChinchillaAllocationExponentsSumToOne()
    {
        var law = (ChinchillaLaw)PublishedLaws.Epoch.Law;
        Assert.Equal(1.0, law.ParamsExponent + law.TokensExponent, 12);
        Assert.Equal(0.3658 / (0.3478 + 0.3658), law.ParamsExponent, 12);
    }
}
