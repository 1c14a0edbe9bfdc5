namespace ScaleSim.Tasks;

/// <summary>How a direction is spelled in a task table's <c>direction</c> column and in JSON.</summary>
public static class MetricDirectionNames
{
    /// <summary>The direction's name: higher or lower.</summary>
    public static string Name(this MetricDirection direction) => direction == MetricDirection.LowerIsBetter ? "lower" : "higher";

    /// <summary>
    /// Reads a direction cell: <c>lower</c> (or <c>loss</c>, <c>min</c>, <c>lower_is_better</c>) or <c>higher</c> (or
    /// <c>score</c>, <c>max</c>, <c>higher_is_better</c>); null when the text is none of them.
    /// </summary>
    public static MetricDirection? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "lower" or "loss" or "min" or "lower_is_better" or "lower-is-better" or "down" => MetricDirection.LowerIsBetter,
        "higher" or "score" or "max" or "higher_is_better" or "higher-is-better" or "up" => MetricDirection.HigherIsBetter,
        _ => null,
    };
}
