using System.Globalization;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Experiments.Reports;

/// <summary>
/// The report of <c>scalesim simulate</c> on a task experiment: the data and the sweep, every model's scores, each task
/// curve's class and fit, the measured metric artifact (exact match against p^L and the per-position product), the
/// distractor's and the memo trap's curves against a U, and the figures.
/// </summary>
public static class TaskSimulationReport
{
    /// <summary>The report as markdown; <paramref name="figures"/> are (file, caption) pairs in <paramref name="figureDirectory"/>.</summary>
    public static string Render(TaskSweepSimulationResult result, IReadOnlyList<(string File, string Caption)> figures, string figureDirectory, string command)
    {
        var plan = result.Sweep.Plan;
        var experiment = result.Experiment;
        var source = result.Source;
        var runs = result.Runs;
        var results = result.Curves;
        var md = new Markdown();
        md.Heading(1, $"Simulation: {experiment.Name}");
        md.Paragraph(experiment.Description);
        md.Paragraph(ReportProvenance.Reproduce(command) + " The runs are seeded and deterministic, and finished runs are reused when the command is run again. " +
            $"Training and scoring the {runs.Count} runs took {result.TrainingCoreSeconds / 60:F1} core-minutes in all (summed from their summary.json files); " +
            (result.Sweep.TrainedNow > 0
                ? $"the invocation that wrote this report trained {result.Sweep.TrainedNow} of them in {result.Sweep.Seconds / 60:F1} minutes of wall time, {result.Sweep.ParallelRuns} at once on {Environment.ProcessorCount} cores."
                : "the invocation that wrote this report found them all trained already."));

        md.Heading(2, "Experiment");
        var options = source.Options;
        md.Table(["setting", "value"],
        [
            ["data", $"`{source.Description}` (vocabulary {plan.Vocab})"],
            ["mixture", (options.Rate >= 1 ? "task sequences only" : $"{options.Rate:P0} task sequences, the rest sequences of the default Markov source (tokens shifted past the task vocabulary)") +
                "; a task sequence is a separator, then examples each followed by a separator, cut at the context" + Weights(options)],
            ["held out", $"one problem in {TaskSource.HeldOutShare} (by a hash of the problem) never appears in training; each task is scored on up to {options.Evaluation} distinct held-out problems"],
            ["widths", $"{string.Join(", ", experiment.Widths.Order())} ({experiment.Shape.Layers} layers, heads of about {experiment.Shape.HeadSize} channels, context {experiment.Context})"],
            experiment.TokensPerParam is { } perParam
                ? ["tokens per run", $"{perParam.ToString("0.##", CultureInfo.InvariantCulture)} per parameter (all parameters, embeddings included)"]
                : ["tokens per run", experiment.TokensPerRun.ToString("0.##e+0", CultureInfo.InvariantCulture)],
            ["batch", $"{experiment.Batch.Min}–{experiment.Batch.Max} sequences, chosen for at least {experiment.Batch.MinSteps} steps"],
            ["learning rate", $"{experiment.LearningRateNumerator} / d_model, 5% warm-up, cosine to 10% over the run's tokens"],
            ["seeds", string.Join(", ", experiment.Seeds)],
        ]);
        md.Table(["task", "format", "example", "answer tokens", "chance per token"], source.Tasks.Select(t => (IReadOnlyList<string>)
            [t.Name, t.Format, $"`{Example(t)}`", t.AnswerLength.ToString(CultureInfo.InvariantCulture), F(t.Chance, 2)]));
        md.Paragraph("Scoring: every answer token is the argmax of the model's next-token distribution over the whole vocabulary given the prompt and the " +
            "gold answer before it. Per-digit accuracy is the share of answer tokens right; exact match the share of examples with every token right, which " +
            "is also the greedy-decoding exact match (greedy decoding reproduces the gold answer exactly when every teacher-forced token is right). " +
            "The task loss is the mean negative log-likelihood of the gold answer tokens.");

        md.Heading(2, "Models");
        var headers = new List<string> { "run", "d_model", "params", "steps", "validation loss" };
        foreach (var t in source.Tasks) headers.AddRange([$"{t.Name} exact match", $"{t.Name} per-digit", $"{t.Name} loss"]);
        md.Table(headers, runs.OrderBy(r => r.Summary.Parameters).Select(r =>
        {
            var row = new List<string>
            {
                r.Run.Id, I(r.Run.Model.DModel), I(r.Summary.Parameters), I(r.Summary.Steps),
                r.Summary.FinalValidationLoss is { } l ? F(l, 4) : "",
            };
            foreach (var t in source.Tasks)
            {
                var s = r.Summary.Tasks![t.Name];
                row.AddRange([F(s.ExactMatch, 3), F(s.PerDigit, 3), F(s.Loss, 3)]);
            }
            return (IReadOnlyList<string>)row;
        }));

        md.Heading(2, "Task curves");
        md.Paragraph("Each curve fitted, its form selected (by AICc, or by BIC where the curve has too few points for AICc's small-sample term) " +
            "and classified by `scalesim tasks fit` (docs/methods.md, \"Task curves\"), against total parameters, " +
            "with binomial weights from the number of examples (answer tokens for per-digit accuracy) and bootstrap intervals.");
        md.Table(["task", "metric", "class", "form", "threshold or turning point (95%)", "margin", "selected by"], results.Select(r => (IReadOnlyList<string>)
            [r.Curve.Task, r.Curve.Metric, $"**{r.Class.Name()}**", r.Fit.Form.Name, Position(r), F(r.Classification.Margin, 3),
             double.IsFinite(r.Selection.ChosenCriterionValue) ? $"{(r.Selection.Criterion == SelectionRule.Bic ? "BIC" : "AICc")} {F(r.Selection.ChosenCriterionValue, 2)}" : ""]));

        md.Heading(2, "The metric artifact, measured");
        md.Paragraph("Schaeffer et al. (2023): if each of L answer tokens were right independently with probability p, exact match would be p^L. " +
            "Below, p is the measured per-digit accuracy, p^L what it predicts, the product of the per-position accuracies what independence " +
            "across positions predicts when positions differ, and the measured exact match beside them.");
        foreach (var t in source.Tasks)
        {
            var points = MeasuredArtifactPoint.Of(runs, t.Name);
            md.Line($"**{t.Name}** (L = {t.AnswerLength}):").Line();
            md.Table(["model", "params", "per-position accuracy", "p", $"p^{t.AnswerLength}", "product", "exact match"], points.Select(p => (IReadOnlyList<string>)
                [p.Model, I((long)p.Params), string.Join(" ", p.PositionAccuracy.Select(a => F(a, 2))), F(p.PerDigit, 3),
                 F(Math.Pow(p.PerDigit, t.AnswerLength), 3), F(p.PositionProduct, 3), F(p.ExactMatch, 3)]));
            if (points.Count > points.Select(p => p.Params).Distinct().Count())
            {
                md.Paragraph($"Means over the seeds of each size (lowest and highest run in brackets), and p̄^{t.AnswerLength} from the mean per-digit accuracy:");
                md.Table(["params", "runs", "per-digit p̄", $"p̄^{t.AnswerLength}", "exact match"], points.GroupBy(p => p.Params).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)
                    [I((long)g.Key), I(g.Count()), Spread(g.Select(p => p.PerDigit).ToList()), F(Math.Pow(g.Average(p => p.PerDigit), t.AnswerLength), 3),
                     Spread(g.Select(p => p.ExactMatch).ToList())]));
            }
            md.Paragraph(ArtifactSentence(t, results, points));
            md.Paragraph(PositionSentence(t, points));
        }

        if (source.Tasks.OfType<DistractorTask>().FirstOrDefault() is { } distractor)
        {
            md.Heading(2, "The distractor: a U-shape?");
            md.Paragraph(DistractorSentence(distractor, results, MeasuredArtifactPoint.Of(runs, distractor.Name)));
        }
        if (source.Tasks.OfType<MemoTrapTask>().FirstOrDefault() is { } memo) MemoTrapSection.Write(md, memo, result);

        md.Figures(figures, figureDirectory);
        md.Paragraph("The data behind every number: `runs.csv` (one row per run) and `tasks.csv` (one row per run, task and metric, in the task-table " +
            "format, so `scalesim tasks fit tasks.csv` and `scalesim tasks artifact tasks.csv --task T` read it directly) beside this report.");
        return md.ToString();
    }

    private static string Spread(IReadOnlyList<double> values) => values.Count == 1
        ? F(values[0], 3)
        : $"{F(values.Average(), 3)} [{F(values.Min(), 3)}, {F(values.Max(), 3)}]";

    // Whether runs learn an answer position gradually or all at once decides whether per-digit accuracy can rise
    // smoothly run by run, or only on average over seeds.
    private static string PositionSentence(ISyntheticTask task, IReadOnlyList<MeasuredArtifactPoint> points)
    {
        var cells = points.SelectMany(p => p.PositionAccuracy).ToList();
        int atChance = cells.Count(a => a < task.Chance + 0.1), learned = cells.Count(a => a > 0.95);
        return $"Per position ({points.Count} runs × {task.AnswerLength} positions = {cells.Count} accuracies): within 0.1 of chance ({F(task.Chance, 2)}) {atChance}, " +
            $"above 0.95 {learned}, in between {cells.Count - atChance - learned}.";
    }

    private static string ArtifactSentence(ISyntheticTask task, IReadOnlyList<TaskCurveResult> results, IReadOnlyList<MeasuredArtifactPoint> points)
    {
        var exact = results.Single(r => r.Curve.Task == task.Name && r.Curve.Metric == SweepTables.ExactMatchMetric);
        var perDigit = results.Single(r => r.Curve.Task == task.Name && r.Curve.Metric == SweepTables.PerDigitMetric);
        var smallest = points.Where(p => p.Params == points.Min(q => q.Params)).ToList();
        var largest = points.Where(p => p.Params == points.Max(q => q.Params)).ToList();
        string mean = smallest.Count > 1 ? "averaged over seeds, " : "";
        return $"Classified: exact match **{exact.Class.Name()}** ({exact.Fit.Form.Name} fit{Threshold(exact)}), per-digit accuracy **{perDigit.Class.Name()}** " +
            $"({perDigit.Fit.Form.Name} fit{Threshold(perDigit)}); {mean}per-digit accuracy goes from {F(smallest.Average(p => p.PerDigit), 3)} at the smallest size to " +
            $"{F(largest.Average(p => p.PerDigit), 3)} at the largest, exact match from {F(smallest.Average(p => p.ExactMatch), 3)} to {F(largest.Average(p => p.ExactMatch), 3)}.";

        static string Threshold(TaskCurveResult r) => r.Class == CurveClass.Emergent && r.Classification.Threshold is { } t
            ? $", threshold N = {t.ToString("0.00e+0", CultureInfo.InvariantCulture)}" : "";
    }

    private static string DistractorSentence(DistractorTask task, IReadOnlyList<TaskCurveResult> results, IReadOnlyList<MeasuredArtifactPoint> points)
    {
        var r = results.Single(c => c.Curve.Task == task.Name && c.Curve.Metric == SweepTables.PerDigitMetric);
        var sizes = points.GroupBy(p => p.Params).OrderBy(g => g.Key).Select(g => g.Average(p => p.PerDigit)).ToList();
        bool seeds = sizes.Count < points.Count;
        int argMin = sizes.IndexOf(sizes.Min());
        var lowest = points.MinBy(p => p.PerDigit)!;
        string shape = r.Class == CurveClass.UShaped
            ? $"The per-digit curve is classified **u-shaped**, turning at N ≈ {r.Classification.TurningPoint?.ToString("0.00e+0", CultureInfo.InvariantCulture)}."
            : $"The per-digit curve is classified **{r.Class.Name()}**, not u-shaped" + (r.Fit.Form is UShapeForm
                ? $": the two-part U-shape is the form selected, but it falls by {F(r.Classification.Fall, 3)} and rises by {F(r.Classification.Rise, 3)}, and both must reach the margin ({F(r.Classification.Margin, 3)})."
                : ".");
        return $"Training shows copies after C with probability {F(task.Prior, 2)} and flips after F otherwise; only F prompts are scored, so a model that " +
            $"copies whatever the marker scores 0 per digit, a coin 0.5 and a model that reads the marker 1. Measured per-digit accuracy on the F prompts, " +
            $"{(seeds ? "averaged over the seeds of each size, " : "")}smallest model to largest: {string.Join(", ", sizes.Select(s => F(s, 3)))}; its lowest point is " +
            $"{F(sizes[argMin], 3)} at N = {I((long)points.Select(p => p.Params).Distinct().Order().ElementAt(argMin))}" +
            (seeds ? $", and the lowest single run {lowest.Model} ({F(lowest.PerDigit, 3)})" : "") + $". {shape}";
    }

    private static string Weights(TaskSourceOptions options)
    {
        var weighted = options.CreateWeightedTasks();
        if (weighted.Count == 1) return "";
        return "; tasks drawn in proportion to their weights (" + string.Join(", ", weighted.Select(t => $"{t.Task.Name} {t.Weight.ToString("0.###", CultureInfo.InvariantCulture)}")) + ")";
    }

    private static string Example(ISyntheticTask task)
    {
        var rng = new Training.Xoshiro256(1);
        var tokens = new int[task.PromptLength + task.AnswerLength];
        task.Write(ref rng, evaluation: true, tokens);
        return TaskTokens.Render(tokens.AsSpan(0, task.PromptLength)) + TaskTokens.Render(tokens.AsSpan(task.PromptLength));
    }

    private static string Position(TaskCurveResult r)
    {
        var c = r.Classification;
        return c.Class switch
        {
            CurveClass.Emergent when c.Threshold is { } t => E(t) + (r.ThresholdInterval is { } i ? $" [{Bound(i.Low)}, {Bound(i.High)}]" : ""),
            CurveClass.UShaped when c.TurningPoint is { } u => E(u) + (r.TurningPointInterval is { } i ? $" [{Bound(i.Low)}, {Bound(i.High)}]" : ""),
            _ => "",
        };
        static string Bound(double v) => double.IsFinite(v) ? E(v) : (v > 0 ? "beyond" : "below");
        static string E(double v) => v.ToString("0.00e+0", CultureInfo.InvariantCulture);
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
