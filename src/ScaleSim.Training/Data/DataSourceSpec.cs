using System.Globalization;
using System.Text.Json.Serialization;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Training.Data;

/// <summary>
/// Where a run's tokens come from, parsed once from its spelling: <c>synthetic</c> (the default Markov source),
/// <c>synthetic:k=2,V=64,seed=0,smin=2,smax=8,zipf=1,alpha=0.5</c> (any subset of <see cref="MarkovSourceOptions"/>),
/// <c>tasks:addition=3,…</c> (<see cref="TaskSourceOptions"/>), or the path of a file read as bytes. In JSON
/// (config.json, summary.json, experiment files) it is that spelling, as given.
/// </summary>
[JsonConverter(typeof(DataSourceSpecJsonConverter))]
public sealed record DataSourceSpec
{
    private static readonly InputName Data = InputName.Of("data");

    private DataSourceSpec(string text, DataSourceKind kind, MarkovSourceOptions? markov, TaskSourceOptions? tasks)
    {
        Text = text;
        Kind = kind;
        Markov = markov;
        Tasks = tasks;
    }

    /// <summary>The default: the pilot's Markov source.</summary>
    public static DataSourceSpec Default { get; } = Parse("synthetic");

    /// <summary>Known keys of the Markov source.</summary>
    public static IReadOnlyList<string> SyntheticKeys { get; } = ["k", "V", "seed", "smin", "smax", "zipf", "alpha"];

    /// <summary>The spec as it was written.</summary>
    public string Text { get; }

    /// <summary>Which kind of source it names.</summary>
    public DataSourceKind Kind { get; }

    /// <summary>The Markov source's options, when <see cref="Kind"/> is <see cref="DataSourceKind.Markov"/>.</summary>
    public MarkovSourceOptions? Markov { get; }

    /// <summary>The task source's options, when <see cref="Kind"/> is <see cref="DataSourceKind.Tasks"/>.</summary>
    public TaskSourceOptions? Tasks { get; }

    /// <summary>The file's path, when <see cref="Kind"/> is <see cref="DataSourceKind.File"/>.</summary>
    public string? FilePath => Kind == DataSourceKind.File ? Text : null;

    /// <summary>Whether the tokens are generated (Markov or tasks) rather than read from a file.</summary>
    public bool IsGenerated => Kind != DataSourceKind.File;

    /// <summary>Parses a spec; throws <see cref="InputException"/> naming the bad key or value. A file is not opened here.</summary>
    public static DataSourceSpec Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw InputException.About($"{Data}: empty value (use 'synthetic[:k=…,V=…,seed=…]', 'tasks:addition=3,…' or a file path)");
        if (HasPrefix(text, "synthetic")) return new DataSourceSpec(text, DataSourceKind.Markov, ParseSynthetic(text), null);
        if (HasPrefix(text, TaskSourceOptions.Prefix)) return new DataSourceSpec(text, DataSourceKind.Tasks, null, TaskSourceOptions.Parse(text));
        return new DataSourceSpec(text, DataSourceKind.File, null, null);
    }

    /// <summary>Builds the source: draws the Markov chain, lays out the tasks, or reads the file.</summary>
    public ITokenSource Open() => Kind switch
    {
        DataSourceKind.Markov => new MarkovSource(Markov!),
        DataSourceKind.Tasks => new TaskSource(Tasks!),
        _ => File.Exists(Text) ? new ByteTextSource(Text) : throw InputException.About($"{Data}: cannot read '{Text}': no such file"),
    };

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool HasPrefix(string text, string prefix) =>
        text.Equals(prefix, StringComparison.OrdinalIgnoreCase) || text.StartsWith(prefix + ":", StringComparison.OrdinalIgnoreCase);

    private static MarkovSourceOptions ParseSynthetic(string spec)
    {
        var options = new MarkovSourceOptions();
        int colon = spec.IndexOf(':');
        if (colon < 0) return options;
        foreach (var part in spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw InputException.About($"{Data}: expected key=value in '{part}' (keys: {string.Join(", ", SyntheticKeys)})");
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
                _ => throw InputException.About($"{Data}: unknown synthetic option '{key}' (known: {string.Join(", ", SyntheticKeys)})"),
            };
        }
        options.Validate();
        return options;
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(key, value);

    private static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(key, value);

    private static InputException Bad(string key, string value) => InputException.About($"{Data}: synthetic option {key}='{value}' is not a valid number");
}
