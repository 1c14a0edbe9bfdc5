using ScaleSim.Experiments.Figures;
using ScaleSim.Experiments.Json;
using ScaleSim.Json;
using ScaleSim.Plotting;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// Writes a simulation's report directory: report.md, its figures (PNG and SVG by default, each with its data as CSV) under figures/, result.json, and copies of
/// the sweep's tables (runs.csv and curves.csv, or runs.csv and tasks.csv), so every number in the report can be
/// recomputed from the files beside it.
/// </summary>
public static class SimulationReportWriter
{
    /// <summary>The figures' folder inside the report directory.</summary>
    public const string FigureFolder = "figures";

    /// <summary>Writes the report of <paramref name="result"/>, whose runs are in <paramref name="runsDirectory"/>.</summary>
    public static void Write(SimulationResult result, string runsDirectory, string reportDirectory, string command, FigureOutput? figures = null)
    {
        string figureDirectory = Path.Combine(reportDirectory, FigureFolder);
        string report;
        string[] tables;
        switch (result)
        {
            case IsoFlopSimulationResult isoFlop:
                report = SimulationReport.Render(isoFlop, IsoFlopFigures(isoFlop, figureDirectory, figures), FigureFolder, command);
                tables = [SweepResults.RunsFile, SweepResults.CurvesFile];
                break;
            case Grids.TrainingGridSimulationResult grid:
                report = TrainingGridReport.Render(grid, GridFigures(grid, figureDirectory, figures), FigureFolder, command);
                tables = [SweepResults.RunsFile, SweepResults.CurvesFile];
                break;
            case Ladder.ProtocolLadderSimulationResult ladder:
                report = ProtocolLadderReport.Render(ladder, LadderFigures(ladder, figureDirectory, figures), FigureFolder, command);
                tables = [SweepResults.RunsFile, SweepResults.CurvesFile];
                Directory.CreateDirectory(reportDirectory);
                File.WriteAllText(Path.Combine(reportDirectory, ProtocolLadderReport.PointsFile), ProtocolLadderReport.PointsCsv(ladder));
                break;
            case TaskSweepSimulationResult tasks:
                report = TaskSimulationReport.Render(tasks, TaskFigures(tasks, figureDirectory, figures), FigureFolder, command);
                tables = [SweepResults.RunsFile, SweepResults.TasksFile];
                break;
            default:
                throw new ArgumentException("an interrupted simulation has no report", nameof(result));
        }
        Directory.CreateDirectory(reportDirectory);
        foreach (var file in tables)
            File.Copy(Path.Combine(runsDirectory, file), Path.Combine(reportDirectory, file), overwrite: true);
        File.WriteAllText(Path.Combine(reportDirectory, "report.md"), report);
        JsonValues.WriteFile(Path.Combine(reportDirectory, "result.json"), SimulationResultJson.ToJson(result));
    }

    private static List<(string File, string Caption)> IsoFlopFigures(IsoFlopSimulationResult result, string directory, FigureOutput? output)
    {
        var primary = result.Primary;
        var figures = AnalysisFigures.Write(directory, primary.Result, primary.Input.Curves, primary.ParamsLabel, output).ToList();
        ConventionFigure.Create(result.Analyses).Save(directory, "conventions", output);
        figures.Add(("conventions", "Compute-optimal N from the same runs counted as non-embedding and as total parameters"));
        return figures;
    }

    private static List<(string File, string Caption)> GridFigures(Grids.TrainingGridSimulationResult result, string directory, FigureOutput? output)
    {
        var figures = new List<(string File, string Caption)>();
        int k = 0;
        foreach (var group in result.Optima.GroupBy(o => (o.Schedule, o.Tokens)).Where(g => g.Any(o => o.Losses.Count >= 2)))
        {
            string file = $"learning-rate-{(group.Key.Schedule == ScheduleKind.Cosine ? "cosine" : "wsd")}-{++k}";
            TrainingGridFigures.LearningRate(result.Optima, group.Key.Schedule, group.Key.Tokens).Save(directory, file, output);
            figures.Add((file, $"Final loss against the learning-rate numerator c ({TrainingGridFigures.Name(group.Key.Schedule)}, {group.Key.Tokens}): a colour per width, a dash per batch"));
        }
        if (result.Comparison is { } comparison)
        {
            TrainingGridFigures.Schedules(comparison).Save(directory, "wsd-vs-cosine", output);
            figures.Add(("wsd-vs-cosine", "Each warmup-stable-decay branch's final loss relative to the cosine run of the same width, tokens, learning rate, batch and seed"));
        }
        return figures;
    }

    private static List<(string File, string Caption)> LadderFigures(Ladder.ProtocolLadderSimulationResult result, string directory, FigureOutput? output)
    {
        ProtocolLadderFigures.Exponents(result.Steps).Save(directory, "ladder-exponents", output);
        ProtocolLadderFigures.Frontiers([.. result.Steps, result.Conventions[1]]).Save(directory, "ladder-frontiers", output);
        return
        [
            ("ladder-exponents", "The exponent a of N_opt on C after each step, with its 95% interval (seeds resampled), beside Porian et al.'s (2024) on RefinedWeb"),
            ("ladder-frontiers", "Each step's IsoFLOP optima against compute with the power law through them (and step 5's runs counted without embeddings)"),
        ];
    }

    private static List<(string File, string Caption)> TaskFigures(TaskSweepSimulationResult result, string directory, FigureOutput? output)
    {
        var figures = new List<(string File, string Caption)>();
        foreach (var task in result.Source.Tasks)
        {
            var perDigit = result.Curve(task.Name, SweepTables.PerDigitMetric);
            var exact = result.Curve(task.Name, SweepTables.ExactMatchMetric);
            var points = MeasuredArtifactPoint.Of(result.Runs, task.Name);
            string file = $"{task.Name}-artifact";
            TaskSweepFigures.Artifact(task.Name, task.AnswerLength, points.Select(p => (p.Params, p.PerDigit, p.ExactMatch, p.PositionProduct)).ToList(), perDigit, exact)
                .Save(directory, file, output);
            figures.Add((file, $"{task.Name}: measured per-digit accuracy and exact match against model size, with the exact match p^L and the per-position product predict"));
            foreach (var r in new[] { exact, perDigit })
            {
                string curveFile = TaskCurveFigures.FileName(r.Curve);
                TaskCurveFigures.Curve(r).Save(directory, curveFile, output);
                figures.Add((curveFile, $"{task.Name}, {r.Curve.Metric}: scores with 95% Wilson intervals and the selected fit"));
            }
        }
        return figures;
    }
}
