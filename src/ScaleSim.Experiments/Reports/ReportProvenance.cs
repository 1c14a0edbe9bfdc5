namespace ScaleSim.Experiments.Reports;

/// <summary>What every report says about where it came from: the command that rewrites it and the version that wrote it.</summary>
public static class ReportProvenance
{
    /// <summary>How a clone runs the <c>scalesim</c> command without installing the tool.</summary>
    public const string FromClone = "dotnet run --project src/ScaleSim.Cli -c Release --";

    /// <summary>
    /// "Reproduce with `scalesim …` (ScaleSim 0.5.0; …)": the command, the version that wrote the report, and the
    /// command's spelling in a clone. <paramref name="command"/> starts with <c>scalesim</c>.
    /// </summary>
    public static string Reproduce(string command) =>
        $"Reproduce with `{command}` (this report was written by ScaleSim {ScaleSimVersion.Current}; from a clone, `scalesim` is `{FromClone}`).";
}
