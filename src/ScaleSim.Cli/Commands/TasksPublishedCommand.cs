using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Tasks.Published;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim tasks published</c>: the published task data ScaleSim ships: Wei et al. (2022) Table 1 (the scales at
/// which abilities emerged) and Li et al. (2022) Table 1 (greedy vs self-consistency vs DIVERSE).
/// </summary>
internal static class TasksPublishedCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per ability behind Wei et al.'s table (the reasoning methods only in the JSON)");
        var figureOptions = new FigureOptions();
        var command = new Command("published", "Published task data: Wei et al. 2022 emergence scales and the DIVERSE reasoning-method table, with figures.") { json, format };
        figureOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var abilities = PublishedData.EmergentAbilities();
            var uplifts = ReasoningMethods.Uplifts(PublishedData.ReasoningMethods());
            if (figureOptions.Read(parse) is { } figureTarget)
            {
                context.Error.WriteLine($"wrote {figureTarget.Save(PublishedTaskFigures.EmergenceScales(abilities), "wei2022-emergence-scales")}");
                context.Error.WriteLine($"wrote {figureTarget.Save(PublishedTaskFigures.MethodUplift(uplifts), "reasoning-method-uplift")}");
            }
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ToJson(abilities, uplifts)); break;
                // The abilities themselves, not the table's ranges per family: a range is two numbers in one cell.
                case OutputFormat.Csv: CsvOutput.WriteRows(context.Out, ToJson(abilities, uplifts)["emergent_abilities"]!.AsArray().Select(a => a!.AsObject())); break;
                default: Render(context, abilities, uplifts); break;
            }
            return 0;
        });
        return command;
    }

    private static JsonObject ToJson(IReadOnlyList<EmergenceScale> abilities, IReadOnlyList<MethodUplift> uplifts) => new()
    {
        ["emergent_abilities"] = new JsonArray(abilities.Select(a => (JsonNode)new JsonObject
        {
            ["category"] = a.Category, ["ability"] = a.Ability, ["flops"] = a.Flops, ["params"] = a.Params, ["model"] = a.Model, ["reference"] = a.Reference,
        }).ToArray()),
        ["method_uplift"] = new JsonArray(uplifts.Select(u => (JsonNode)new JsonObject
        {
            ["model"] = u.Model, ["method"] = u.Method, ["dataset"] = u.Dataset, ["greedy"] = u.Greedy, ["accuracy"] = u.Accuracy, ["uplift"] = u.Uplift,
        }).ToArray()),
    };

    private static void Render(CliContext context, IReadOnlyList<EmergenceScale> abilities, IReadOnlyList<MethodUplift> uplifts)
    {
        var families = new Table().PlainTitle("Wei et al. 2022, Table 1: where 22 abilities emerged, by model family");
        families.AddColumn("family");
        families.AddColumn(new TableColumn("abilities").RightAligned());
        families.AddColumn(new TableColumn("params at emergence").RightAligned());
        families.AddColumn(new TableColumn("training FLOPs at emergence").RightAligned());
        foreach (var g in abilities.GroupBy(a => a.Model).OrderBy(g => g.Min(a => a.Flops)))
            families.AddPlainRow(g.Key, g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), Range(g.Select(a => a.Params)), Range(g.Select(a => a.Flops)));
        context.Console.Write(families);

        var methods = new Table().PlainTitle("Li et al. 2022, Table 1: accuracy added over greedy decoding (percentage points)");
        methods.AddColumn("model");
        methods.AddColumn("method");
        methods.AddColumn(new TableColumn("sets").RightAligned());
        methods.AddColumn(new TableColumn("mean uplift").RightAligned());
        methods.AddColumn(new TableColumn("min").RightAligned());
        methods.AddColumn(new TableColumn("max").RightAligned());
        foreach (var g in uplifts.GroupBy(u => (u.Model, u.Method)))
            methods.AddPlainRow(g.Key.Model, g.Key.Method, g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{g.Average(u => u.Uplift):+0.0;-0.0;0.0}", $"{g.Min(u => u.Uplift):+0.0;-0.0;0.0}", $"{g.Max(u => u.Uplift):+0.0;-0.0;0.0}");
        context.Console.Write(methods);

        static string Range(IEnumerable<double> values)
        {
            var v = values.ToList();
            return v.Min() == v.Max() ? NumberFormat.Scale(v[0]) : $"{NumberFormat.Scale(v.Min())} – {NumberFormat.Scale(v.Max())}";
        }
    }
}
