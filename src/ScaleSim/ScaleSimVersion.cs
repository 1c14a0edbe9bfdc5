using System.Reflection;

namespace ScaleSim;

/// <summary>
/// The version of ScaleSim that is running: the one Directory.Build.props sets for every assembly and package, as
/// <c>scalesim --version</c> prints it. Reports and each run's summary.json record it, so a result says what wrote it.
/// </summary>
public static class ScaleSimVersion
{
    /// <summary>The version, such as <c>0.5.0</c>.</summary>
    public static string Current { get; } =
        typeof(ScaleSimVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
