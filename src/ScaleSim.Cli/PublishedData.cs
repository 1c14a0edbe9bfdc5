using System.Reflection;
using ScaleSim.Runs;
using ScaleSim.Tasks.Published;

namespace ScaleSim.Cli;

/// <summary>The published datasets shipped inside the CLI (copies of files in data/, with provenance in data/README.md).</summary>
internal static class PublishedData
{
    /// <summary>File name of Epoch AI's reconstruction of the Chinchilla runs.</summary>
    public const string EpochFile = "chinchilla_epoch_reconstruction.csv";

    /// <summary>Hoffmann et al. (2022) Table A3, Approach-3 columns: (params, FLOPs, tokens) per row.</summary>
    public static IReadOnlyList<(double Params, double Flops, double Tokens)> TableA3Approach3()
    {
        var raw = RawTable.ParseDelimited(Read("chinchilla_tableA3_approach2_3.csv"), ',', "chinchilla_tableA3_approach2_3.csv");
        int n = raw.IndexOf("params"), c = raw.IndexOf("approach3_flops"), d = raw.IndexOf("approach3_tokens");
        return Enumerable.Range(0, raw.Rows.Count)
            .Select(r => (raw.ParseNumber(r, n, "params", true), raw.ParseNumber(r, c, "FLOPs", true), raw.ParseNumber(r, d, "tokens", true)))
            .ToList();
    }

    /// <summary>The text of an embedded data file.</summary>
    public static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("data/" + file)
            ?? throw new InvalidOperationException($"embedded {file} missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The 245 reconstructed Chinchilla runs (Besiroglu et al. 2024), with Epoch's exclusion flag as an extra column.</summary>
    public static RunTable EpochRuns() => RunTableLoader.FromRaw(RawTable.ParseDelimited(Read(EpochFile), ',', EpochFile));

    /// <summary>The 240 runs Epoch AI kept (the 5 highest-loss points dropped, as flagged in the file).</summary>
    public static RunTable EpochKeptRuns() => EpochRuns().ExcludeTopLoss(5);

    /// <summary>Wei et al. (2022), Table 1: the scales at which 22 abilities emerged.</summary>
    public static IReadOnlyList<EmergenceScale> EmergentAbilities() =>
        Tasks.Published.EmergentAbilities.Parse(Read(Tasks.Published.EmergentAbilities.File));

    /// <summary>Li et al. (2022), Table 1: greedy, self-consistency and DIVERSE accuracy on eight reasoning sets.</summary>
    public static IReadOnlyList<ReasoningResult> ReasoningMethods() =>
        Tasks.Published.ReasoningMethods.Parse(Read(Tasks.Published.ReasoningMethods.File));
}
