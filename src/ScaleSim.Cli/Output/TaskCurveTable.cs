using ScaleSim.Tasks;
using ScaleSim.Tasks.Classification;
using Spectre.Console;

namespace ScaleSim.Cli.Output;

/// <summary>Analysed task curves as a table: class, form, threshold or turning point with its interval, AICc, then each fit's parameters.</summary>
internal static class TaskCurveTable
{
    public static void Render(CliContext context, TaskTable table, IReadOnlyList<TaskCurveResult> results)
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
