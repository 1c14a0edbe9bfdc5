using System.CommandLine;
using ScaleSim.Flops;
using ScaleSim.Runs;

namespace ScaleSim.Cli.Commands;

/// <summary>The options that say how to read a runs file: column mapping and the FLOP model for a missing column.</summary>
internal sealed class RunOptions
{
    public Option<string?> Params { get; } = new("--n") { Description = "Column holding parameters N (default: N, params, N_params, …)." };
    public Option<string?> Tokens { get; } = new("--d") { Description = "Column holding training tokens D (default: D, tokens, D_tokens, …)." };
    public Option<string?> Flops { get; } = new("--c") { Description = "Column holding training compute C in FLOPs (default: C, flops, C_flop, …)." };
    public Option<string?> Loss { get; } = new("--loss") { Description = "Column holding the loss (default: loss, L, final_loss, …)." };
    public Option<string?> UniqueTokens { get; } = new("--u") { Description = "Column holding unique tokens U for data-constrained fits (default: U, unique_tokens, …)." };
    public Option<string> FlopModel { get; } = new("--flop-model")
    {
        Description = "How a missing one of N, D, C is derived from the other two (6nd or kaplan).",
        DefaultValueFactory = _ => "6nd",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Params);
        command.Options.Add(Tokens);
        command.Options.Add(Flops);
        command.Options.Add(Loss);
        command.Options.Add(UniqueTokens);
        command.Options.Add(FlopModel);
    }

    /// <summary>The column options given on the command line (not defaults).</summary>
    public IReadOnlyList<string> Given(ParseResult parse) =>
        new Option[] { Params, Tokens, Flops, Loss, UniqueTokens, FlopModel }.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();

    public RunTable Load(ParseResult parse, string file, CliContext context)
    {
        var columns = new RunColumns(parse.GetValue(Params), parse.GetValue(Tokens), parse.GetValue(Flops), parse.GetValue(Loss), parse.GetValue(UniqueTokens));
        var runs = RunTableLoader.FromRaw(TableInput.Read(context, file), columns, FlopModels.Parse(parse.GetValue(FlopModel)!));
        foreach (var warning in runs.Warnings) context.Warn(warning);
        return runs;
    }
}
