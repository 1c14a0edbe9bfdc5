using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Experiments.Figures;
using ScaleSim.Json;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim tasks fit FILE</c>: fits, selects and classifies every task curve of a task table.</summary>
internal static class TasksFitCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Task results as CSV, TSV or JSON Lines; - reads standard input." };
        var task = new Option<string?>("--task") { Description = "Only this task." };
        var metric = new Option<string?>("--metric") { Description = "Only this metric." };
        var form = new Option<string>("--form")
        {
            Description = $"Curve form: {string.Join(", ", CurveForms.Names)} (auto selects among all).",
            DefaultValueFactory = _ => "auto",
        };
        var select = new Option<string>("--select")
        {
            Description = "How auto chooses the form: auto (AICc where its small-sample term is bearable, else BIC over forms with k ≤ n − 3), aicc, bic or extrapolation.",
            DefaultValueFactory = _ => "auto",
        };
        var loss = new Option<bool>("--loss") { Description = "The values are losses: positive, lower is better, no upper bound (a direction column can say so per row)." };
        var holdout = new Option<int>("--holdout")
        {
            Description = "Leave out the K largest scales of each curve, fit the rest and report how well it predicts them (RMSE, RMSLE).",
            DefaultValueFactory = _ => 0,
        };
        var margin = CommonOptions.Number("--margin", "Fixed margin over chance in score units (default: max(0.1·(1 − chance), 2σ)).");
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for intervals (0 to skip).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed for the bootstrap.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var figureOptions = new FigureOptions();
        var tableOptions = new TaskTableOptions();

        var command = new Command("fit", "Fit task curves (scores or losses) over log scale (linear, sigmoid, BNSL, U-shape, power law), select a form, classify, bootstrap.")
        {
            file, task, metric, form, select, loss, holdout, margin, bootstrap, seed, json, format,
        };
        figureOptions.AddTo(command);
        tableOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var table = tableOptions.Load(parse, parse.GetValue(file)!, context, direction: parse.GetValue(loss) ? MetricDirection.LowerIsBetter : null);
            var rule = SelectionRuleNames.Parse(parse.GetValue(select)!);
            var rules = new ClassificationRules { Margin = parse.GetValue(margin) is { } m ? CommonOptions.Positive(m, "--margin") : null };
            var options = new TaskCurveOptions
            {
                Form = parse.GetValue(form)!,
                Selection = new SelectionOptions { Rule = rule },
                Rules = rules,
                Bootstrap = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
                Holdout = parse.GetValue(holdout),
            };
            if (options.Bootstrap < 0) throw new InputException($"--bootstrap must be non-negative, got {options.Bootstrap}");
            var results = table.Curves(parse.GetValue(task), parse.GetValue(metric)).Select(c => TaskCurveAnalysis.Analyze(c, options)).ToList();

            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var result in results) context.Error.WriteLine($"wrote {figureTarget.Save(TaskCurveFigures.Curve(result), TaskCurveFigures.FileName(result.Curve))}");
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            // One row per curve; its list of candidate forms stays in the JSON.
            if (outputFormat == OutputFormat.Csv) CsvOutput.WriteRows(context.Out, results.Select(TaskCurveResultJson.ToJson));
            else if (outputFormat == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["source"] = Path.GetFileName(table.Source),
                    ["scale"] = TaskColumns.Name(table.ScaleKind),
                    ["selection"] = rule.Name(),
                    ["curves"] = new JsonArray(results.Select(r => (JsonNode)TaskCurveResultJson.ToJson(r)).ToArray()),
                });
            }
            else TaskCurveTable.Render(context, table, results);
            return 0;
        });
        return command;
    }

}
