using System.Reflection;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments;

/// <summary>
/// Finds an experiment by file path, by name under ./experiments/NAME/experiment.json, or among the built-in definitions
/// shipped inside this library (copies of experiments/*/experiment.json), in that order.
/// </summary>
public static class ExperimentCatalog
{
    /// <summary>The experiment <c>scalesim simulate</c> runs on its defaults.</summary>
    public const string Default = "tiny-chinchilla";

    /// <summary>The one-minute experiment of <c>--quick</c>.</summary>
    public const string Quick = "tiny-chinchilla-quick";

    /// <summary>Names of the built-in experiments.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith("experiments/", StringComparison.Ordinal))
        .Select(n => n.Split('/')[1])
        .Order()
        .ToList();

    /// <summary>The experiment <paramref name="nameOrFile"/> names; throws <see cref="InputException"/> listing the built-in ones when none matches.</summary>
    public static ExperimentDefinition Resolve(string nameOrFile)
    {
        if (Locate(nameOrFile) is { } file) return ExperimentDefinition.Load(file);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"experiments/{nameOrFile}/experiment.json");
        if (stream is null)
            throw InputException.About($"{InputName.Of("experiment")} '{nameOrFile}' is neither a file, nor experiments/{nameOrFile}/experiment.json, nor a built-in experiment ({string.Join(", ", BuiltIn)})");
        using var reader = new StreamReader(stream);
        return ExperimentDefinition.Parse(reader.ReadToEnd(), $"built-in experiment {nameOrFile}");
    }

    /// <summary>The file <see cref="Resolve"/> reads for <paramref name="nameOrFile"/>, or null when it names a built-in experiment (or nothing).</summary>
    public static string? Locate(string nameOrFile)
    {
        if (File.Exists(nameOrFile)) return nameOrFile;
        string local = Path.Combine("experiments", nameOrFile, "experiment.json");
        return File.Exists(local) ? local : null;
    }
}
