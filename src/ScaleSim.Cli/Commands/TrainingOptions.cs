using System.CommandLine;
using System.Globalization;

namespace ScaleSim.Cli.Commands;

/// <summary>Options shared by <c>train</c> and <c>bench train</c>, with parse errors that name the option and the bad text.</summary>
internal static class TrainingOptions
{
    public static Option<int?> Integer(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
            result.AddError($"{name}: '{text}' is not an integer");
            return null;
        },
    };

    /// <summary>A count that may be written in scientific notation (<c>2e6</c>) or with a suffix (<c>2M</c>), as token budgets usually are.</summary>
    public static Option<long?> Count(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ScaleSim.Units.Quantity.TryParse(text, out double value) && Math.Abs(value) < 9e18 && value == Math.Round(value))
                return (long)value;
            result.AddError($"{name}: '{text}' is not a whole number");
            return null;
        },
    };

    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
            result.AddError($"{name}: '{text}' is not a number");
            return null;
        },
    };

    public static Option<string> Device() => new("--device")
    {
        Description = "Backend: auto (CUDA, else an OpenCL GPU, else cpu), cpu, cuda, opencl, or ilgpu-cpu (the GPU kernels on ILGPU's slow CPU accelerator, for testing).",
        DefaultValueFactory = _ => "auto",
    };

    public static Option<int?> Threads() => Integer("--threads", "CPU backend threads (default: all cores; 1 = single-threaded, for one run per core).");

    public static int Required(int? value, string option) => value ?? throw new InputException($"{option} is required");

    public static string Human(double x) => Math.Abs(x) switch
    {
        >= 1e9 => (x / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (x / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (x / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K",
        _ => x.ToString("0.#", CultureInfo.InvariantCulture),
    };

    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0) return "?";
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}s" : $"{t.Seconds}s";
    }
}
