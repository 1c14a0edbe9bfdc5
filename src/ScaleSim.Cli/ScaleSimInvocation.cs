namespace ScaleSim.Cli;

/// <summary>
/// How this very ScaleSim was started, as shell words another process can run: the executable, and under the
/// <c>dotnet</c> host the assembly it ran (so a cluster's nodes run the same build that submitted their jobs).
/// </summary>
internal static class ScaleSimInvocation
{
    /// <summary>The words that start this ScaleSim again.</summary>
    public static IReadOnlyList<string> Current()
    {
        string process = Environment.ProcessPath ?? "scalesim";
        string? assembly = typeof(ScaleSimInvocation).Assembly.Location;
        bool underHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return underHost && !string.IsNullOrEmpty(assembly) ? [process, assembly] : [process];
    }
}
