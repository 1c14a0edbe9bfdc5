using ScaleSim.Training.Backends.Verification;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>Asserts a verification report passed, naming every failing check.</summary>
internal static class VerificationAssert
{
    public static void Passed(BackendVerificationReport report, params VerificationKind[] kinds)
    {
        Assert.NotEmpty(report.Checks);
        foreach (var kind in kinds) Assert.Contains(report.Checks, c => c.Kind == kind);
        var failing = report.Checks.Where(c => !c.Passed).Select(c => $"{c.Kind.ToName()} {c.Shape} {c.Quantity}: {c.Detail} (ratio {c.WorstRatio:G3}, tolerance {c.Tolerance})");
        Assert.True(report.Passed, string.Join("\n", failing));
    }
}
