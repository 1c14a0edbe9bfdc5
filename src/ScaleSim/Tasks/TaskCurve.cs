using ScaleSim.Laws;

namespace ScaleSim.Tasks;

/// <summary>
/// One task's scores under one metric across models, sorted by scale: what the curve fits, the classifier and the
/// figures take. Build it from a loaded table (<see cref="TaskTable.Curves"/>) or from observations made in code.
/// </summary>
public sealed record TaskCurve
{
    /// <summary>Creates a curve from observations of one task and metric (sorted here by scale, then model).</summary>
    public TaskCurve(string source, ScaleVariable scaleKind, IEnumerable<TaskObservation> points)
    {
        Source = source;
        ScaleKind = scaleKind;
        Points = points.OrderBy(p => p.Scale).ThenBy(p => p.Model, StringComparer.Ordinal).ToArray();
        if (Points.Count == 0) throw new ArgumentException("a task curve needs at least one observation", nameof(points));
        Task = Points[0].Task;
        Metric = Points[0].Metric;
        if (Points.Any(p => p.Task != Task || p.Metric != Metric))
            throw new ArgumentException("a task curve holds one task and one metric", nameof(points));
        var chances = Points.Where(p => p.Chance.HasValue).Select(p => p.Chance!.Value).Distinct().ToArray();
        if (chances.Length > 1)
        {
            var odd = Points.First(p => p.Chance.HasValue && p.Chance != Points.First(q => q.Chance.HasValue).Chance);
            throw new InputException($"{source} line {odd.Line}: chance {odd.Chance} differs from {chances[0]} elsewhere for task '{Task}', metric '{Metric}'");
        }
        Chance = chances.Length == 1 ? chances[0] : null;
        Direction = Points[0].Direction;
        if (Points.FirstOrDefault(p => p.Direction != Direction) is { } mixed)
            throw new InputException($"{source} line {mixed.Line}: task '{Task}', metric '{Metric}' is a {Describe(mixed.Direction)} here but a {Describe(Direction)} on line {Points[0].Line}");
    }

    private static string Describe(MetricDirection direction) => direction == MetricDirection.LowerIsBetter ? "loss (lower is better)" : "score (higher is better)";

    /// <summary>Where the observations came from, for messages.</summary>
    public string Source { get; }

    /// <summary>What the scale is: parameters, FLOPs or tokens.</summary>
    public ScaleVariable ScaleKind { get; }

    /// <summary>The task.</summary>
    public string Task { get; }

    /// <summary>The metric.</summary>
    public string Metric { get; }

    /// <summary>The observations, sorted by scale.</summary>
    public IReadOnlyList<TaskObservation> Points { get; }

    /// <summary>Whether the values are scores (higher is better) or losses (lower is better).</summary>
    public MetricDirection Direction { get; }

    /// <summary>Whether the values are losses.</summary>
    public bool IsLoss => Direction == MetricDirection.LowerIsBetter;

    /// <summary>The chance level, when the table gives one.</summary>
    public double? Chance { get; }

    /// <summary>Number of observations.</summary>
    public int Count => Points.Count;

    /// <summary>Scales, ascending.</summary>
    public double[] Scales => Points.Select(p => p.Scale).ToArray();

    /// <summary>Scores (or losses), in scale order.</summary>
    public double[] Scores => Points.Select(p => p.Score).ToArray();

    /// <summary>Examples behind each score, or null unless every observation has them.</summary>
    public int[]? Examples => Points.All(p => p.Examples.HasValue) ? Points.Select(p => p.Examples!.Value).ToArray() : null;

    /// <summary>A name for files and messages: task, or task/metric.</summary>
    public string Label => $"{Task} ({Metric})";
}
