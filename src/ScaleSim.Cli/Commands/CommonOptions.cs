using System.CommandLine;

namespace ScaleSim.Cli.Commands;

/// <summary>Options every reporting command shares.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout (and nothing else)." };

    /// <summary>Runs trained at once (<c>--parallel</c>); the library checks the value.</summary>
    public static Option<int?> Parallel() => new("--parallel") { Description = "Runs trained at once, one CPU thread each (default: one per core)." };

    /// <summary>An experiment file, or a name under experiments/ or among the built-in ones.</summary>
    public static Argument<string> Experiment() => new("EXPERIMENT")
    {
        Description = $"An experiment file, or a name under experiments/ (built in: {string.Join(", ", ScaleSim.Experiments.ExperimentCatalog.BuiltIn)}).",
    };

    public static Option<string?> Plot() => new("--plot") { Description = "Write figures (PNG and SVG) into this directory." };

    /// <summary>An optional number option whose parse error names the option and the bad text.</summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
                return value;
            result.AddError($"{name}: '{text}' is not a number");
            return null;
        },
    };

    /// <summary>Throws a one-line input error unless the value is a positive finite number.</summary>
    public static double Positive(double? value, string option)
    {
        if (value is not { } v || !double.IsFinite(v) || v <= 0)
            throw new InputException($"{option} must be a positive finite number, got {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        return v;
    }
}
