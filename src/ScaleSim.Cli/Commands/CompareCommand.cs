using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim compare</c>: models side by side under every published law.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var models = new Option<string>("--models")
        {
            Description = $"Comma-separated built-in models ({string.Join(", ", ReferenceModels.All.Select(m => m.Name))}).",
            DefaultValueFactory = _ => "gopher,chinchilla",
        };
        var custom = new Option<string[]>("--model") { Description = "A model as NAME:N:D (repeatable), e.g. mine:7e9:1e12.", AllowMultipleArgumentsPerToken = false };
        var laws = new Option<string>("--laws")
        {
            Description = "Comma-separated laws: published names or law JSON files.",
            DefaultValueFactory = _ => "hoffmann,epoch,kaplan",
        };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var command = new Command("compare", "Compare trained models under every law: FLOPs, predicted loss, and the compute-optimal alternative.")
        {
            models, custom, laws, json, format,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(custom) is { Length: > 0 } given
                ? given.Select(ReferenceModels.Parse).ToList()
                : Split(parse.GetValue(models)!).Select(ReferenceModels.Get).ToList();
            var lawList = Split(parse.GetValue(laws)!).Select(name => (name, LawFile.Resolve(name))).ToList();
            var rows = ModelComparison.Compare(chosen, lawList);
            switch (CommonOptions.FormatOf(parse, format, json))
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ToJson(chosen, rows)); break;
                // One row per model: its JSON object, named, with each law's loss and optimum as columns.
                case OutputFormat.Csv:
                    CsvOutput.WriteRows(context.Out, ToJson(chosen, rows).Select(m => Named(m.Key, m.Value!.AsObject())));
                    break;
                default: Render(context, rows); break;
            }
            return 0;
        });
        return command;
    }

    private static JsonObject Named(string model, JsonObject fields)
    {
        var row = new JsonObject { ["model"] = model };
        foreach (var (key, value) in fields) row[key] = value?.DeepClone();
        return row;
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static JsonObject ToJson(IEnumerable<ReferenceModel> models, IReadOnlyList<ModelComparison> rows)
    {
        var result = new JsonObject();
        foreach (var model in models)
        {
            var laws = new JsonObject();
            foreach (var row in rows.Where(r => r.Model == model))
            {
                laws[row.LawName] = new JsonObject
                {
                    ["loss"] = row.Loss,
                    ["optimal"] = AllocationJson.ToJson(row.Optimal),
                };
            }
            result[model.Name] = new JsonObject
            {
                ["params"] = model.Params,
                ["tokens"] = model.Tokens,
                ["flops"] = model.Flops,
                ["tokens_per_param"] = model.Tokens / model.Params,
                ["laws"] = laws,
            };
        }
        return result;
    }

    private static void Render(CliContext context, IReadOnlyList<ModelComparison> rows)
    {
        var table = new Table().PlainTitle("models under each law (C = 6ND)");
        foreach (var header in new[] { "model", "law" }) table.AddColumn(header);
        foreach (var header in new[] { "params N", "tokens D", "FLOPs", "loss", "optimal N", "optimal D", "optimal loss", "excess loss" })
            table.AddColumn(new TableColumn(header).RightAligned());
        foreach (var r in rows)
        {
            table.AddPlainRow(r.Model.Name, r.LawName, NumberFormat.Count(r.Model.Params), NumberFormat.Count(r.Model.Tokens),
                NumberFormat.Scale(r.Model.Flops), NumberFormat.Fixed(r.Loss), NumberFormat.Count(r.Optimal.Params),
                NumberFormat.Count(r.Optimal.Tokens), NumberFormat.Fixed(r.Optimal.Loss), NumberFormat.Fixed(r.Loss - r.Optimal.Loss));
        }
        context.Console.Write(table);
        context.Console.WriteLine("'optimal' is the minimum of each law's own L(N, D) at the model's budget. Kaplan's losses are on WebText2 with");
        context.Console.WriteLine("non-embedding N: compare rankings across laws, not loss levels. Kaplan's own allocation rule: plan --law kaplan.");
    }
}
