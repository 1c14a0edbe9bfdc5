using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Artifacts;
using ScaleSim.Tasks.Classification;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim tasks artifact [FILE --task T]</c>: exact match (p^L) and partial credit (p) from the same per-token
/// accuracies, sampled and classified: Schaeffer et al.'s (2023) metric argument.
/// </summary>
internal static class TasksArtifactCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE") { Description = "Task table with partial_credit (per-token accuracy) or loss (per-token loss) per model; without it, Schaeffer et al.'s toy loss law.", Arity = ArgumentArity.ZeroOrOne };
        var task = new Option<string?>("--task") { Description = "The task whose per-token accuracy or loss to use (needed when the table has several)." };
        var lengths = new Option<string>("--length") { Description = "Sequence lengths L, comma-separated.", DefaultValueFactory = _ => "5,20" };
        var examples = new Option<int>("--examples") { Description = "Examples behind each sampled score.", DefaultValueFactory = _ => 500 };
        var c = CommonOptions.Number("--c", "Toy law: scale c in loss(N) = (N/c)^(−alpha) (default 2e7).");
        var alpha = CommonOptions.Number("--alpha", "Toy law: exponent alpha (default 0.3).");
        var seed = new Option<int>("--seed") { Description = "Seed of the sampled scores.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per model of the table (the classes only in the JSON)");
        var figureOptions = new FigureOptions();
        var tableOptions = new TaskTableOptions();
        var command = new Command("artifact", "Exact match vs partial credit from the same per-token accuracy: a smooth improvement that looks emergent under exact match.")
        {
            file, task, lengths, examples, c, alpha, seed, json, format,
        };
        figureOptions.AddTo(command);
        tableOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var ls = ParseLengths(parse.GetValue(lengths)!);
            string source;
            ScaleVariable kind;
            List<(string, double, double?, double?)> models;
            if (parse.GetValue(file) is { } path)
            {
                if (parse.GetValue(c) is not null || parse.GetValue(alpha) is not null)
                    throw new InputException("--c and --alpha set the toy law; they do not apply to a FILE");
                var table = tableOptions.Load(parse, path, context);
                (source, kind, models) = (Path.GetFileName(table.Source), table.ScaleKind, FromTable(table, parse.GetValue(task)));
            }
            else
            {
                double scale = CommonOptions.Positive(parse.GetValue(c) ?? 2e7, "--c"), exponent = CommonOptions.Positive(parse.GetValue(alpha) ?? 0.3, "--alpha");
                source = $"toy law loss(N) = (N/{scale:0.##e+0})^(-{exponent:0.###})";
                kind = ScaleVariable.Params;
                models = MetricArtifact.PowerLawTokenLoss(scale, exponent, 1e7, 1e12, 11).Select(m => (m.Model, m.Scale, (double?)m.TokenLoss, (double?)null)).ToList();
            }
            var result = MetricArtifact.Analyze(source, kind, models, ls, parse.GetValue(examples), parse.GetValue(seed),
                new TaskCurveOptions { Bootstrap = 0, Selection = new() { Extrapolation = false } });

            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var (name, figure) in ArtifactFigures.All(result, kind))
                    context.Error.WriteLine($"wrote {figureTarget.Save(figure, name)}");
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ToJson(result, source, kind)); break;
                case OutputFormat.Csv: CsvOutput.WriteRows(context.Out, ToJson(result, source, kind)["points"]!.AsArray().Select(p => p!.AsObject())); break;
                default: Render(context, result, source); break;
            }
            return 0;
        });
        return command;
    }

    private static int[] ParseLengths(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var lengths = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int l) || l < 1)
                throw new InputException($"--length: '{part}' is not a whole number of at least 1");
            lengths.Add(l);
        }
        if (lengths.Count == 0) throw new InputException("--length: give at least one sequence length");
        return lengths.Distinct().Order().ToArray();
    }

    private static List<(string, double, double?, double?)> FromTable(TaskTable table, string? task)
    {
        var rows = table.Rows.Where(r => r.PartialCredit is not null || r.Loss is not null).ToList();
        if (task is not null)
        {
            if (!table.Tasks.Contains(task)) throw new InputException($"{table.Source}: no task '{task}' (tasks are {string.Join(", ", table.Tasks)})");
            rows = rows.Where(r => r.Task == task).ToList();
        }
        var tasks = rows.Select(r => r.Task).Distinct().ToList();
        if (tasks.Count == 0) throw new InputException($"{table.Source}: no row{(task is null ? "" : $" of task '{task}'")} has a partial_credit or loss column value; the artifact needs per-token accuracy or loss");
        if (tasks.Count > 1) throw new InputException($"{table.Source}: several tasks have per-token accuracy or loss ({string.Join(", ", tasks)}); choose one with --task");
        // One per model: per-token accuracy when given, else per-token loss.
        return rows.GroupBy(r => r.Model).Select(g => g.First())
            .Select(r => (r.Model, r.Scale, r.PartialCredit is null ? r.Loss : null, r.PartialCredit)).ToList();
    }

    private static JsonObject ToJson(MetricArtifactResult r, string source, ScaleVariable kind) => new()
    {
        ["source"] = source,
        ["scale"] = TaskColumns.Name(kind),
        ["lengths"] = new JsonArray(r.Lengths.Select(l => (JsonNode)l).ToArray()),
        ["examples"] = r.Examples,
        ["points"] = new JsonArray(r.Points.Select(p => (JsonNode)new JsonObject
        {
            ["model"] = p.Model,
            ["scale"] = p.Scale,
            ["token_loss"] = p.TokenLoss is { } l ? JsonValue.Create(l) : null,
            ["token_accuracy"] = p.TokenAccuracy,
            ["exact_match"] = new JsonObject(r.Lengths.Select((l, j) => KeyValuePair.Create($"L{l}", (JsonNode?)p.ExactMatch[j]))),
            ["partial_credit"] = p.PartialCredit,
        }).ToArray()),
        ["partial_credit"] = Summary(r.PartialCredit),
        ["exact_match"] = new JsonArray(r.ExactMatch.Select((e, j) => { var s = Summary(e); s["length"] = r.Lengths[j]; return (JsonNode)s; }).ToArray()),
    };

    private static JsonObject Summary(TaskCurveResult r)
    {
        var json = new JsonObject { ["class"] = r.Class.Name(), ["form"] = r.Fit.Form.Name, ["margin"] = r.Classification.Margin };
        if (r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t) json["threshold"] = t;
        return json;
    }

    private static void Render(CliContext context, MetricArtifactResult r, string source)
    {
        var t = new Table().PlainTitle($"predicted metrics from per-token accuracy ({source})");
        t.AddColumn("model");
        t.AddColumn(new TableColumn("scale").RightAligned());
        t.AddColumn(new TableColumn("token loss").RightAligned());
        t.AddColumn(new TableColumn("p (partial credit)").RightAligned());
        foreach (int l in r.Lengths) t.AddColumn(new TableColumn($"exact match L={l}").RightAligned());
        foreach (var p in r.Points)
            t.AddPlainRow([p.Model, NumberFormat.Scale(p.Scale), p.TokenLoss is { } tl ? NumberFormat.Fixed(tl, 3) : "", NumberFormat.Fixed(p.TokenAccuracy, 3),
                .. p.ExactMatch.Select(e => NumberFormat.Fixed(e, 3))]);
        context.Console.Write(t);
        context.Console.WriteLine($"classified from scores sampled with {r.Examples} examples (partial credit: {r.Examples}·{r.Lengths.Max()} tokens):");
        context.Console.WriteLine($"  partial credit: {Describe(r.PartialCredit)}");
        for (int j = 0; j < r.Lengths.Count; j++) context.Console.WriteLine($"  exact match, L = {r.Lengths[j]}: {Describe(r.ExactMatch[j])}");
    }

    private static string Describe(TaskCurveResult r) =>
        r.Class.Name() + $" ({r.Fit.Form.Name} fit" + (r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t ? $", threshold {NumberFormat.Scale(t)})" : ")");
}
