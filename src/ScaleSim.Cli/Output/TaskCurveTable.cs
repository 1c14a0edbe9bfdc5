using System.Globalization;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;
using Spectre.Console;

namespace ScaleSim.Cli.Output;

/// <summary>
/// Analysed task curves as a table: class, form, threshold or turning point with its interval, the criterion that chose
/// the form, and the extrapolation error or, with scales held out, how well they were predicted; then each fit's parameters.
/// </summary>
internal static class TaskCurveTable
{
    public static void Render(CliContext context, TaskTable table, IReadOnlyList<TaskCurveResult> results)
    {
        bool holdout = results.Any(r => r.Holdout is not null);
        var t = new Table().PlainTitle($"task curves in {Path.GetFileName(table.Source)} against {TaskColumns.Name(table.ScaleKind)}");
        t.AddColumn("task");
        t.AddColumn("metric");
        t.AddColumn(new TableColumn("n").RightAligned());
        t.AddColumn("class");
        t.AddColumn("form");
        t.AddColumn(new TableColumn("threshold or turning point (95%)").RightAligned());
        t.AddColumn(new TableColumn("selected by").RightAligned());
        // With scales held out the table has the stronger test of extrapolation, and no room for both.
        if (!holdout) t.AddColumn(new TableColumn("extrap. error").RightAligned());
        if (holdout)
        {
            t.AddColumn(new TableColumn("held out").RightAligned());
            t.AddColumn(new TableColumn("RMSE").RightAligned());
            t.AddColumn(new TableColumn("RMSLE").RightAligned());
        }
        foreach (var r in results)
        {
            var c = r.Classification;
            var (position, interval) = c.Class switch
            {
                CurveClass.Emergent when c.Threshold is { } th => (Short(th), r.ThresholdInterval is { } ti ? $" [{Bound(ti.Low)}, {Bound(ti.High)}]" : ""),
                CurveClass.UShaped when c.TurningPoint is { } tp => (Short(tp), r.TurningPointInterval is { } ui ? $" [{Bound(ui.Low)}, {Bound(ui.High)}]" : ""),
                _ => ("", ""),
            };
            var cells = new List<string>
            {
                r.Curve.Task, r.Curve.Metric, r.Data.Count.ToString(CultureInfo.InvariantCulture), c.Class.Name(), r.Fit.Form.Name, position + interval,
                Criterion(r.Selection),
            };
            if (!holdout) cells.Add(r.Selection.Chosen.ExtrapolationError is { } e ? NumberFormat.Fixed(e, 3) : "");
            if (holdout)
                cells.AddRange(r.Holdout is { } h
                    ? [$"{h.ScaleCount} scales", NumberFormat.General(h.Rmse, 3), double.IsFinite(h.Rmsle) ? NumberFormat.General(h.Rmsle, 3) : "undefined"]
                    : ["", "", ""]);
            t.AddPlainRow([.. cells]);
        }
        context.Console.Write(t);
        foreach (var r in results)
        {
            string parameters = string.Join(", ", r.Fit.Parameters.Select(p => $"{p.Key} {NumberFormat.General(p.Value, 4)}"));
            string chance = r.Curve.Chance is { } ch ? $"chance {ch:0.###}, " : "";
            string direction = r.Curve.IsLoss ? "a loss (lower is better), " : "";
            context.Console.WriteLine($"{r.Curve.Task} ({r.Curve.Metric}): {r.Fit.Form.Name} {parameters}; {direction}{chance}margin {r.Classification.Margin:0.###}");
            if (r.Holdout is { } h)
            {
                string List(IEnumerable<double> values) => string.Join(", ", values.Select(v => NumberFormat.General(v, 4)));
                context.Console.WriteLine($"  held out {h.ScaleCount} largest scales ({string.Join(", ", h.Scales.Distinct().Select(Short))}): predicted {List(h.Predicted)}; observed {List(h.Observed)}");
            }
        }
        static string Bound(double v) => double.IsFinite(v) ? Short(v) : (v > 0 ? "beyond" : "below");
        static string Short(double v) => v.ToString("0.00e0", CultureInfo.InvariantCulture);
    }

    // The criterion that chose the form, with the chosen form's value of it.
    private static string Criterion(CurveSelection selection) => selection.Criterion switch
    {
        SelectionRule.Extrapolation => "extrapolation",
        var criterion => double.IsFinite(selection.ChosenCriterionValue)
            ? $"{(criterion == SelectionRule.Bic ? "BIC" : "AICc")} {NumberFormat.Fixed(selection.ChosenCriterionValue, 2)}"
            : "",
    };
}
