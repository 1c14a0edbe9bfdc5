using System.Diagnostics;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Progress;
using ScaleSim.Cli.Reports;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Training.Data;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tasks;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim simulate</c> for a size sweep on task data: train every width, read the sweep's tasks.csv as a task table,
/// fit, select and classify every task curve, draw the curves and the measured metric artifact, and write the report.
/// </summary>
internal static class SimulateTasks
{
    /// <summary>Where the outputs go and how the analysis runs.</summary>
    public sealed record Settings(string RunsDirectory, string ReportDirectory, int Parallel, int Resamples, bool Json, string CommandLine);

    public static int Run(CliContext context, ExperimentDefinition experiment, Settings settings)
    {
        if (DataSpec.Open(experiment.Data) is not TaskSource source)
            throw new InputException($"{experiment.Name}: a size sweep reports task curves, so its data must be a 'tasks:…' spec (got '{experiment.Data}')");
        var plan = SweepPlanner.Plan(experiment);
        context.Error.WriteLine($"{experiment.Name}: {plan.Runs.Count} runs (widths {string.Join(", ", experiment.Widths!)} at {experiment.TokensPerRun:0.##e+0} tokens each), " +
            $"{settings.Parallel} at once, into {settings.RunsDirectory}");
        foreach (var warning in plan.Warnings) context.Warn(warning);
        var watch = Stopwatch.StartNew();
        var outcomes = SweepProgressView.Run(context, plan, settings.RunsDirectory, settings.Parallel);
        double sweepSeconds = watch.Elapsed.TotalSeconds;
        if (outcomes.Any(o => o.Outcome is RunOutcome.Interrupted or RunOutcome.Busy))
            return SweepCommand.Report(context, outcomes, settings.RunsDirectory);

        var runs = plan.Runs.Select(r => (Run: r, Summary: SweepRunner.CompletedSummary(Path.Combine(settings.RunsDirectory, r.Id))))
            .Where(r => r.Summary?.Tasks is not null)
            .Select(r => new TaskSimulationReport.ScoredRun(r.Run, r.Summary!))
            .ToList();
        if (runs.Count < 3) throw new InputException($"{settings.RunsDirectory}: {runs.Count} runs completed with task scores; the task curves need at least 3");
        string tasksFile = Path.Combine(settings.RunsDirectory, "tasks.csv");
        var table = TaskTableLoader.Load(tasksFile, new TaskColumns(ScaleVariable.Params));
        foreach (var warning in table.Warnings) context.Warn(warning);
        var options = new TaskCurveOptions { Bootstrap = settings.Resamples };
        var results = table.Curves().Select(c => TaskCurveAnalysis.Analyze(c, options)).ToList();

        string figureDirectory = Path.Combine(settings.ReportDirectory, "figures");
        var figures = new List<(string File, string Caption)>();
        foreach (var task in source.Tasks)
        {
            var perDigit = results.Single(r => r.Curve.Task == task.Name && r.Curve.Metric == SweepTables.PerDigitMetric);
            var exact = results.Single(r => r.Curve.Task == task.Name && r.Curve.Metric == SweepTables.ExactMatchMetric);
            var points = TaskSimulationReport.ArtifactPoints(runs, task.Name);
            string file = $"{task.Name}-artifact";
            TaskSweepFigures.Artifact(task.Name, task.AnswerLength, points.Select(p => (p.Params, p.PerDigit, p.ExactMatch, p.PositionProduct)).ToList(), perDigit, exact)
                .Save(figureDirectory, file);
            figures.Add((file, $"{task.Name}: measured per-digit accuracy and exact match against model size, with the exact match p^L and the per-position product predict"));
            foreach (var r in new[] { exact, perDigit })
            {
                string curveFile = TaskCurveFigures.FileName(r.Curve);
                TaskCurveFigures.Curve(r).Save(figureDirectory, curveFile);
                figures.Add((curveFile, $"{task.Name}, {r.Curve.Metric}: scores with 95% binomial intervals and the selected fit"));
            }
        }

        Directory.CreateDirectory(settings.ReportDirectory);
        foreach (var file in new[] { "runs.csv", "tasks.csv" })
            File.Copy(Path.Combine(settings.RunsDirectory, file), Path.Combine(settings.ReportDirectory, file), overwrite: true);
        int trainedNow = outcomes.Count(o => o.Outcome is RunOutcome.Trained or RunOutcome.Resumed or RunOutcome.Retrained);
        var timing = new TaskSimulationReport.Timing(sweepSeconds, trainedNow, runs.Sum(r => r.Summary.ElapsedSeconds), settings.Parallel);
        File.WriteAllText(Path.Combine(settings.ReportDirectory, "report.md"),
            TaskSimulationReport.Render(plan, source, runs, results, figures, "figures", timing, settings.CommandLine));

        if (settings.Json)
        {
            JsonOutput.Write(context.Out, new JsonObject
            {
                ["experiment"] = experiment.Name,
                ["data"] = source.Description,
                ["sweep_seconds"] = sweepSeconds,
                ["runs"] = runs.Count,
                ["curves"] = new JsonArray(results.Select(r => (JsonNode)TasksFitCommand.ToJson(r)).ToArray()),
            });
        }
        else
        {
            TasksFitCommand.Render(context, table, results);
            context.Console.WriteLine($"report: {Path.Combine(settings.ReportDirectory, "report.md")} (this invocation trained {trainedNow} runs in {sweepSeconds / 60:F1} min)");
        }
        return SweepCommand.Report(context, outcomes, settings.RunsDirectory) == 3 ? 3 : 0;
    }
}
