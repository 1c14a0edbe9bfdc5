using System.CommandLine;

namespace ScaleSim.Cli;

/// <summary>
/// Maps the names the libraries give their parameters (<see cref="InputName"/>: <c>tokens</c>, <c>d_model</c>,
/// <c>resamples</c>) to the options of the command that was run, so an error about a value the user passed names the
/// option they typed. A parameter the command has no option for keeps its library name: it came from somewhere else
/// (an experiment file, a table, a fit).
/// </summary>
internal static class OptionNames
{
    // Where an option is not spelled --name-with-dashes.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["resamples"] = "--bootstrap",
        ["parallel_runs"] = "--parallel",
        ["learning_rate"] = "--lr",
        ["gradient_clip"] = "--clip",
        ["validation_sequences"] = "--val-sequences",
        ["expansion_rate"] = "--experts",
        ["params_column"] = "--n",
        ["tokens_column"] = "--d",
        ["flops_column"] = "--c",
        ["loss_column"] = "--loss",
        ["unique_tokens_column"] = "--u",
        ["score_column"] = "--score",
        ["run_directory"] = "--out",
        ["sweep_directory"] = "--out",
        ["time_limit"] = "--time",
        ["budget_column"] = "--budget",
    };

    /// <summary>The option of <paramref name="command"/> (or of the commands above it) that feeds <paramref name="parameter"/>, or null.</summary>
    public static string? OptionFor(Command command, string parameter)
    {
        string candidate = Aliases.TryGetValue(parameter, out var alias) ? alias : "--" + parameter.Replace('_', '-');
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            if (c.Options.Any(o => o.Name == candidate || o.Aliases.Contains(candidate))) return candidate;
        return null;
    }
}
