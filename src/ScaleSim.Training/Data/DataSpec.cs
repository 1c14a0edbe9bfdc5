using System.Globalization;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Data;

/// <summary>
/// Parses <c>--data</c>: <c>synthetic</c> (the default Markov source), <c>synthetic:k=2,V=64,seed=0,smin=2,smax=8,zipf=1,alpha=0.5</c>
/// (any subset of the knobs of <see cref="MarkovSourceOptions"/>), <c>tasks:addition=3,…</c> (synthetic tasks,
/// <see cref="TaskSourceOptions"/>), or the path of a file read as bytes.
/// </summary>
public static class DataSpec
{
    /// <summary>The default: the pilot's Markov source.</summary>
    public const string Default = "synthetic";

    /// <summary>Known synthetic keys.</summary>
    public static IReadOnlyList<string> SyntheticKeys { get; } = ["k", "V", "seed", "smin", "smax", "zipf", "alpha"];

    /// <summary>Whether <paramref name="spec"/> names the synthetic source.</summary>
    public static bool IsSynthetic(string spec) =>
        spec.Equals("synthetic", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("synthetic:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="spec"/> names the task source.</summary>
    public static bool IsTasks(string spec) =>
        spec.Equals(TaskSourceOptions.Prefix, StringComparison.OrdinalIgnoreCase) || spec.StartsWith(TaskSourceOptions.Prefix + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="spec"/> names a generated source (Markov or tasks) rather than a file.</summary>
    public static bool IsGenerated(string spec) => IsSynthetic(spec) || IsTasks(spec);

    /// <summary>Parses the synthetic options; throws <see cref="InputException"/> naming a bad key or value.</summary>
    public static MarkovSourceOptions ParseSynthetic(string spec)
    {
        var options = new MarkovSourceOptions();
        int colon = spec.IndexOf(':');
        if (colon < 0) return options;
        foreach (var part in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new InputException($"--data: expected key=value in '{part}' (keys: {string.Join(", ", SyntheticKeys)})");
            string key = part[..eq].Trim(), value = part[(eq + 1)..].Trim();
            options = key switch
            {
                "k" => options with { Order = Int(key, value) },
                "V" or "v" => options with { Vocab = Int(key, value) },
                "seed" => options with { Seed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Bad(key, value) },
                "smin" => options with { MinSuccessors = Int(key, value) },
                "smax" => options with { MaxSuccessors = Int(key, value) },
                "zipf" => options with { ZipfExponent = Double(key, value) },
                "alpha" => options with { DirichletAlpha = Double(key, value) },
                _ => throw new InputException($"--data: unknown synthetic option '{key}' (known: {string.Join(", ", SyntheticKeys)})"),
            };
        }
        options.Validate();
        return options;
    }

    /// <summary>Opens the source <paramref name="spec"/> names.</summary>
    public static ITokenSource Open(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new InputException("--data: empty value (use 'synthetic[:k=…,V=…,seed=…]', 'tasks:addition=3,…' or a file path)");
        if (IsSynthetic(spec)) return new MarkovSource(ParseSynthetic(spec));
        if (IsTasks(spec)) return new TaskSource(TaskSourceOptions.Parse(spec));
        if (!File.Exists(spec)) throw new InputException($"--data: cannot read '{spec}': no such file");
        return new ByteTextSource(spec);
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(key, value);

    private static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(key, value);

    private static InputException Bad(string key, string value) => new($"--data: synthetic option {key}='{value}' is not a valid number");
}
