using System.Globalization;
using System.Text;

namespace ScaleSim.Plotting;

/// <summary>The data behind a figure as CSV: one row per drawn value, full precision, so a reader can redraw it.</summary>
internal static class FigureCsv
{
    public const string Header = "layer,series,x,y,y_low,y_high";

    public static string Write(IEnumerable<FigureDataRow> rows)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (FigureDataRow row in rows)
        {
            csv.Append(Quote(row.Layer)).Append(',').Append(Quote(row.Series)).Append(',')
                .Append(Number(row.X)).Append(',').Append(Number(row.Y)).Append(',')
                .Append(Number(row.YLow)).Append(',').Append(Number(row.YHigh)).Append('\n');
        }
        return csv.ToString();
    }

    // Round-trip format; an absent value is an empty field.
    private static string Number(double value) =>
        double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
