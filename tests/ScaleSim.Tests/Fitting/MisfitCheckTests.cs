using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Tests.Fitting;

/// <summary>When a law's residuals say it does not describe its runs.</summary>
public class MisfitCheckTests
{
    private static FitResult Fit(params double[] residuals) => new(
        new ChinchillaLaw(1.8, 480, 2100, 0.35, 0.37), new ChinchillaLseModel(), [0, 0, 0, 0, 0], 0, true, residuals.Length, 1, 1, 1e-3,
        FitQuality.Of(residuals), residuals);

    [Fact]
    public void ResidualsWithinTheRunsScatterPass()
    {
        Assert.Empty(MisfitCheck.Warnings(Fit(0.01, -0.012, 0.008, -0.01, 0.011, -0.009), "law", scatter: 0.01));
        Assert.Empty(MisfitCheck.Warnings(Fit(0.02, -0.02, 0.02, -0.02), "law"));
    }

    [Fact]
    public void ResidualsFarAboveTheScatterWarn()
    {
        var warning = Assert.Single(MisfitCheck.Warnings(Fit(0.05, -0.05, 0.05, -0.05), "Approach 3", scatter: 0.005));
        Assert.Equal("Approach 3: residuals have an RMSE of 0.0500 in log loss, 10.0× the 0.0050 scatter of the runs about their IsoFLOP parabolas: the law does not fit these runs", warning);
        // Without a scatter estimate only a misfit above 3% warns; far above noise but below 1% never does.
        Assert.Single(MisfitCheck.Warnings(Fit(0.04, -0.04, 0.04, -0.04), "law"));
        Assert.Empty(MisfitCheck.Warnings(Fit(0.008, -0.008, 0.008, -0.008), "law", scatter: 0.0001));
    }

    [Fact]
    public void ResidualsAllOfOneSignWarn()
    {
        var warning = Assert.Single(MisfitCheck.Warnings(Fit(0.001, 0.002, 0.001, 0.003, 0.002, 0.001), "law"));
        Assert.Equal("law: the law lies above all 6 runs (every residual has the same sign): the law does not fit these runs", warning);
        Assert.Empty(MisfitCheck.Warnings(Fit(0.001, 0.002, 0.001, 0.003, 0.002), "law"));
    }
}
