using System.Reflection;
using ScaleSim.Runs;

namespace ScaleSim.Cli;

/// <summary>The published datasets shipped inside the CLI (copies of files in data/, with provenance in data/README.md).</summary>
internal static class PublishedData
{
    /// <summary>File name of Epoch AI's reconstruction of the Chinchilla runs.</summary>
    public const string EpochFile = "chinchilla_epoch_reconstruction.csv";

    /// <summary>The 245 reconstructed Chinchilla runs (Besiroglu et al. 2024), with Epoch's exclusion flag as an extra column.</summary>
    public static RunTable EpochRuns()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("data/" + EpochFile)
            ?? throw new InvalidOperationException($"embedded {EpochFile} missing from the build");
        using var reader = new StreamReader(stream);
        return RunTableLoader.FromRaw(RawTable.ParseDelimited(reader.ReadToEnd(), ',', EpochFile));
    }

    /// <summary>The 240 runs Epoch AI kept (the 5 highest-loss points dropped, as flagged in the file).</summary>
    public static RunTable EpochKeptRuns() => EpochRuns().ExcludeTopLoss(5);
}
