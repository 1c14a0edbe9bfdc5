using System.CommandLine;
using ScaleSim.Cli.Output;
using ScaleSim.Units;

namespace ScaleSim.Cli.Commands;

/// <summary>Options every reporting command shares.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout (and nothing else); the same as --format json." };

    /// <summary>
    /// <c>--format table|json|csv</c>, of which <c>--json</c> is a synonym; <paramref name="rows"/> says what a CSV row is
    /// where that is not plain, such as which of several printed tables the CSV holds.
    /// </summary>
    public static Option<string?> Format(string rows = "one row per result") => new("--format")
    {
        Description = $"Output: table (default), json (as --json) or csv (a header, {rows}, full precision).",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text is "table" or "json" or "csv") return text;
            result.AddError($"--format: '{text}' is not one of table, json, csv");
            return null;
        },
    };

    /// <summary>The output format asked for: <c>--format</c>, or JSON for <c>--json</c>; refuses the two disagreeing.</summary>
    public static OutputFormat FormatOf(ParseResult parse, Option<string?> format, Option<bool> json)
    {
        bool asJson = parse.GetValue(json);
        var chosen = parse.GetValue(format) switch
        {
            "json" => OutputFormat.Json,
            "csv" => OutputFormat.Csv,
            "table" => OutputFormat.Table,
            _ => asJson ? OutputFormat.Json : OutputFormat.Table,
        };
        if (asJson && chosen != OutputFormat.Json) throw new InputException($"--json and --format {parse.GetValue(format)} disagree; give one of them");
        return chosen;
    }

    /// <summary>
    /// An optional count of parameters, tokens or FLOPs: plain (<c>70000000000</c>), scientific (<c>5.76e23</c>) or
    /// with a suffix (<c>70B</c>, <c>1.4T</c>; <see cref="Quantity"/>).
    /// </summary>
    public static Option<double?> Quantity(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Units.Quantity.TryParse(text, out double value)) return value;
            result.AddError($"{name}: '{text}' is not a number (e.g. 70B, 1.4T, 5.76e23; suffixes K, M, B or G, T, P, E)");
            return null;
        },
    };

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
