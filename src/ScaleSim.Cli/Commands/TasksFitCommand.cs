using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim tasks fit FILE</c>: fits, selects and classifies every task curve of a task table.</summary>
internal static class TasksFitCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Task results as CSV, TSV or JSON Lines." };
        var task = new Option<string?>("--task") { Description = "Only this task." };
        var metric = new Option<string?>("--metric") { Description = "Only this metric." };
        var form = new Option<string>("--form")
        {
            Description = $"Curve form: {string.Join(", ", CurveForms.Names)} (auto selects among all).",
            DefaultValueFactory = _ => "auto",
        };
        var select = new Option<string>("--select") { Description = "How auto chooses the form: aicc or extrapolation.", DefaultValueFactory = _ => "aicc" };
        var margin = CommonOptions.Number("--margin", "Fixed margin over chance in score units (default: max(0.1·(1 − chance), 2σ)).");
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for intervals (0 to skip).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed for the bootstrap.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var plot = CommonOptions.Plot();
        var tableOptions = new TaskTableOptions();

        var command = new Command("fit", "Fit task curves over log scale (linear, sigmoid, BNSL, U-shape), select by AICc, classify, bootstrap.")
        {
            file, task, metric, form, select, margin, bootstrap, seed, json, plot,
        };
        tableOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var table = tableOptions.Load(parse, parse.GetValue(file)!, context);
            var rule = parse.GetValue(select)!.ToLowerInvariant() switch
            {
                "aicc" => SelectionRule.Aicc,
                "extrapolation" => SelectionRule.Extrapolation,
                var other => throw new InputException($"--select '{other}' is not a selection rule (choose aicc or extrapolation)"),
            };
            var rules = new ClassificationRules { Margin = parse.GetValue(margin) is { } m ? CommonOptions.Positive(m, "--margin") : null };
            var options = new TaskCurveOptions
            {
                Form = parse.GetValue(form)!,
                Selection = new SelectionOptions { Rule = rule },
                Rules = rules,
                Bootstrap = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
            };
            if (options.Bootstrap < 0) throw new InputException($"--bootstrap must be non-negative, got {options.Bootstrap}");
            var results = table.Curves(parse.GetValue(task), parse.GetValue(metric)).Select(c => TaskCurveAnalysis.Analyze(c, options)).ToList();

            if (parse.GetValue(plot) is { } dir)
                foreach (var result in results) context.Error.WriteLine($"wrote {TaskCurveFigures.Curve(result).Save(dir, TaskCurveFigures.FileName(result.Curve)).PngPath} (and .svg)");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["source"] = Path.GetFileName(table.Source),
                    ["scale"] = TaskColumns.Name(table.ScaleKind),
                    ["selection"] = rule == SelectionRule.Aicc ? "aicc" : "extrapolation",
                    ["curves"] = new JsonArray(results.Select(r => (JsonNode)ToJson(r)).ToArray()),
                });
            }
            else Render(context, table, results);
            return 0;
        });
        return command;
    }

    /// <summary>One curve as JSON: task, metric, form, class, params, threshold(_ci95), turning_point(_ci95), aicc, extrapolation_error, …</summary>
    public static JsonObject ToJson(TaskCurveResult r)
    {
        var chosen = r.Selection.Chosen;
        var c = r.Classification;
        var json = new JsonObject
        {
            ["task"] = r.Curve.Task,
            ["metric"] = r.Curve.Metric,
            ["points"] = r.Curve.Count,
            ["chance"] = r.Curve.Chance is { } chance ? JsonValue.Create(chance) : null,
            ["form"] = chosen.Form.Name,
            ["class"] = c.Class.Name(),
            ["params"] = Parameters(chosen.Fit),
        };
        if (r.Bootstrap is { } b)
        {
            var ci = new JsonObject();
            foreach (var interval in b.Intervals) ci[interval.Name] = JsonOutput.Interval(interval.Low, interval.High);
            json["params_ci95"] = ci;
        }
        if (c.Class == CurveClass.Emergent && c.Threshold is { } threshold)
        {
            json["threshold"] = threshold;
            if (r.ThresholdInterval is { } ti) json["threshold_ci95"] = JsonOutput.Interval(ti.Low, ti.High);
        }
        if (c.Class == CurveClass.UShaped && c.TurningPoint is { } turning)
        {
            json["turning_point"] = turning;
            if (r.TurningPointInterval is { } ui) json["turning_point_ci95"] = JsonOutput.Interval(ui.Low, ui.High);
        }
        json["aicc"] = JsonOutput.Number(chosen.Aicc);
        json["extrapolation_error"] = chosen.ExtrapolationError is { } e ? JsonValue.Create(e) : null;
        json["margin"] = c.Margin;
        json["baseline"] = c.Baseline;
        json["change"] = c.Change;
        json["overdispersion"] = r.Selection.Overdispersion;
        if (r.Bootstrap is { } boot) json["bootstrap"] = new JsonObject { ["resamples"] = boot.Resamples, ["seed"] = boot.Seed };
        json["forms"] = new JsonArray(r.Selection.Candidates.Select(f => (JsonNode)new JsonObject
        {
            ["form"] = f.Form.Name,
            ["params"] = Parameters(f.Fit),
            ["chi_square"] = f.Fit.ChiSquare,
            ["aicc"] = JsonOutput.Number(f.Aicc),
            ["extrapolation_error"] = f.ExtrapolationError is { } fe ? JsonValue.Create(fe) : null,
        }).ToArray());
        return json;
    }

    private static JsonObject Parameters(CurveFit fit)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fit.Parameters) json[name] = JsonOutput.Number(value);
        return json;
    }

    internal static void Render(CliContext context, TaskTable table, IReadOnlyList<TaskCurveResult> results)
    {
        var t = new Table().PlainTitle($"task curves in {Path.GetFileName(table.Source)} against {TaskColumns.Name(table.ScaleKind)}");
        t.AddColumn("task");
        t.AddColumn("metric");
        t.AddColumn(new TableColumn("n").RightAligned());
        t.AddColumn("class");
        t.AddColumn("form");
        t.AddColumn(new TableColumn("threshold or turning point (95%)").RightAligned());
        t.AddColumn(new TableColumn("AICc").RightAligned());
        t.AddColumn(new TableColumn("extrap. error").RightAligned());
        foreach (var r in results)
        {
            var c = r.Classification;
            var (position, interval) = c.Class switch
            {
                CurveClass.Emergent when c.Threshold is { } th => (Short(th), r.ThresholdInterval is { } ti ? $" [{Bound(ti.Low)}, {Bound(ti.High)}]" : ""),
                CurveClass.UShaped when c.TurningPoint is { } tp => (Short(tp), r.TurningPointInterval is { } ui ? $" [{Bound(ui.Low)}, {Bound(ui.High)}]" : ""),
                _ => ("", ""),
            };
            t.AddPlainRow(r.Curve.Task, r.Curve.Metric, r.Curve.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Class.Name(), r.Fit.Form.Name, position + interval,
                double.IsFinite(r.Selection.Chosen.Aicc) ? NumberFormat.Fixed(r.Selection.Chosen.Aicc, 2) : "",
                r.Selection.Chosen.ExtrapolationError is { } e ? NumberFormat.Fixed(e, 3) : "");
        }
        context.Console.Write(t);
        foreach (var r in results)
        {
            string parameters = string.Join(", ", r.Fit.Parameters.Select(p => $"{p.Key} {NumberFormat.General(p.Value, 4)}"));
            string chance = r.Curve.Chance is { } ch ? $"chance {ch:0.###}, " : "";
            context.Console.WriteLine($"{r.Curve.Task} ({r.Curve.Metric}): {r.Fit.Form.Name} {parameters}; {chance}margin {r.Classification.Margin:0.###}");
        }
        static string Bound(double v) => double.IsFinite(v) ? Short(v) : (v > 0 ? "beyond" : "below");
        static string Short(double v) => v.ToString("0.00e0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
