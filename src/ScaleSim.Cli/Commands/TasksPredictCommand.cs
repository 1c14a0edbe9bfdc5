using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Json;
using ScaleSim.Laws;
using ScaleSim.Tasks.Prediction;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim tasks predict FILE --task T (--target-flops C | --holdout-largest)</c>: the Llama 3 report's two-step
/// forecast, task loss against compute and then score against task loss.
/// </summary>
internal static class TasksPredictCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Task table with training FLOPs, score and the task loss (loss column) per model; - reads standard input." };
        var task = new Option<string?>("--task") { Description = "The task (needed when the table has several with a loss)." };
        var metric = new Option<string?>("--metric") { Description = "The metric (needed when the task has several)." };
        var target = CommonOptions.Quantity("--target-flops", "Training compute to forecast the score at.");
        var holdout = new Option<bool>("--holdout-largest") { Description = "Leave the largest-compute models out of both fits and forecast them." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples of each step.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed for the bootstrap.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var figureOptions = new FigureOptions();
        var tableOptions = new TaskTableOptions();
        var command = new Command("predict", "Two-step forecast (Llama 3 report): task loss against compute, then score against task loss, at a larger budget.")
        {
            file, task, metric, target, holdout, bootstrap, seed, json, format,
        };
        figureOptions.AddTo(command);
        tableOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var table = tableOptions.Load(parse, parse.GetValue(file)!, context, defaultKind: ScaleVariable.Flops);
            string? taskName = parse.GetValue(task);
            if (taskName is null)
            {
                var withLoss = table.Rows.Where(r => r.Loss is not null).Select(r => r.Task).Distinct().ToList();
                if (withLoss.Count != 1)
                    throw new InputException(withLoss.Count == 0
                        ? $"{table.Source}: no row has a task loss (loss column); two-step prediction needs one"
                        : $"{table.Source}: several tasks have a task loss ({string.Join(", ", withLoss)}); choose one with --task");
                taskName = withLoss[0];
            }
            var curves = table.Curves(taskName, parse.GetValue(metric));
            if (curves.Count > 1) throw new InputException($"{table.Source}: task '{taskName}' has several metrics ({string.Join(", ", curves.Select(c => c.Metric))}); choose one with --metric");
            double? targetFlops = parse.GetValue(target) is { } t ? CommonOptions.Positive(t, "--target-flops") : null;
            var prediction = TwoStepPredictor.Predict(curves[0], targetFlops, parse.GetValue(holdout), parse.GetValue(bootstrap), parse.GetValue(seed));

            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var (name, figure) in PredictionFigures.All(prediction))
                    context.Error.WriteLine($"wrote {figureTarget.Save(figure, name)}");
            switch (CommonOptions.FormatOf(parse, format, json))
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ToJson(prediction, table.Source)); break;
                case OutputFormat.Csv: CsvOutput.WriteRows(context.Out, [ToJson(prediction, table.Source)]); break;
                default: Render(context, prediction); break;
            }
            return 0;
        });
        return command;
    }

    private static JsonObject ToJson(TwoStepPrediction p, string source)
    {
        var law = p.LossLaw;
        var step2 = new JsonObject();
        foreach (var (name, value) in p.ScoreFit.Parameters) step2[name] = value;
        var json = new JsonObject
        {
            ["source"] = Path.GetFileName(source),
            ["task"] = p.Curve.Task,
            ["metric"] = p.Curve.Metric,
            ["models"] = p.Curve.Count,
            ["step1"] = new JsonObject { ["law"] = "kaplan-c", ["alpha"] = law.Exponent, ["C_c"] = law.Scale, ["E"] = law.E, ["converged"] = p.LossFit.Converged },
            ["step2"] = step2,
            ["target_flops"] = p.TargetFlops,
            ["predicted_loss"] = p.Loss.Estimate,
            ["predicted_loss_ci95"] = JsonValues.Interval(p.Loss.Low, p.Loss.High),
            ["predicted_score"] = p.Score.Estimate,
            ["predicted_score_ci95"] = JsonValues.Interval(p.Score.Low, p.Score.High),
            ["bootstrap"] = new JsonObject { ["resamples"] = p.Resamples },
        };
        if (p.ObservedScore is { } observed)
        {
            json["held_out"] = new JsonArray(p.HeldOut.Select(h => (JsonNode)h.Model).ToArray());
            json["observed_score"] = observed;
            json["observed_loss"] = p.ObservedLoss is { } l ? JsonValue.Create(l) : null;
            json["error"] = p.Score.Estimate - observed;
        }
        return json;
    }

    private static void Render(CliContext context, TwoStepPrediction p)
    {
        var law = p.LossLaw;
        context.Console.WriteLine($"two-step forecast for {p.Curve.Task} ({p.Curve.Metric}) from {p.Curve.Count} models");
        context.Console.WriteLine($"step 1, task loss against compute: L(C) = {law.E:0.####} + ({law.Scale:0.###e+0}/C)^{law.Exponent:0.####}");
        context.Console.WriteLine($"step 2, score against task loss: {string.Join(", ", p.ScoreFit.Parameters.Select(q => $"{q.Key} {NumberFormat.General(q.Value, 4)}"))} (sigmoid in the loss)");
        var t = new Table().PlainTitle($"forecast at C = {NumberFormat.Scale(p.TargetFlops)} FLOPs");
        t.AddColumn("quantity");
        t.AddColumn(new TableColumn("predicted").RightAligned());
        t.AddColumn(new TableColumn("95% interval").RightAligned());
        if (p.ObservedScore is not null) t.AddColumn(new TableColumn("observed").RightAligned());
        var loss = new List<string> { "task loss (nats)", NumberFormat.Fixed(p.Loss.Estimate), $"[{NumberFormat.Fixed(p.Loss.Low)}, {NumberFormat.Fixed(p.Loss.High)}]" };
        var score = new List<string> { p.Curve.Metric, NumberFormat.Fixed(p.Score.Estimate, 3), $"[{NumberFormat.Fixed(p.Score.Low, 3)}, {NumberFormat.Fixed(p.Score.High, 3)}]" };
        if (p.ObservedScore is { } observed)
        {
            loss.Add(p.ObservedLoss is { } l ? NumberFormat.Fixed(l) : "");
            score.Add(NumberFormat.Fixed(observed, 3));
        }
        t.AddPlainRow([.. loss]);
        t.AddPlainRow([.. score]);
        context.Console.Write(t);
        context.Console.WriteLine($"intervals: {p.Resamples} bootstrap resamples of each step, paired");
        if (p.ObservedScore is { } o)
            context.Console.WriteLine($"held out: {string.Join(", ", p.HeldOut.Select(h => h.Model))}; forecast error {p.Score.Estimate - o:+0.000;-0.000;0.000}");
    }
}
