namespace ScaleSim.Experiments;

/// <summary>
/// One run's point of the metric artifact on one task, as ScaleSim measured it: per-digit accuracy, exact match, and
/// the exact match independence across answer positions would give (the product of the per-position accuracies).
/// </summary>
/// <param name="Model">The run's id.</param>
/// <param name="Params">Its total parameters.</param>
/// <param name="PerDigit">Share of answer tokens right.</param>
/// <param name="ExactMatch">Share of examples with every answer token right.</param>
/// <param name="PositionProduct">The product of the per-position accuracies.</param>
/// <param name="PositionAccuracy">Accuracy at each answer position.</param>
public sealed record MeasuredArtifactPoint(string Model, double Params, double PerDigit, double ExactMatch, double PositionProduct, IReadOnlyList<double> PositionAccuracy)
{
    /// <summary>The points of <paramref name="task"/>, smallest model first.</summary>
    public static IReadOnlyList<MeasuredArtifactPoint> Of(IReadOnlyList<ScoredRun> runs, string task) =>
        runs.Where(r => r.Summary.Tasks!.ContainsKey(task))
            .Select(r =>
            {
                var s = r.Summary.Tasks![task];
                return new MeasuredArtifactPoint(r.Run.Id, r.Summary.Parameters, s.PerDigit, s.ExactMatch, s.PositionAccuracy.Aggregate(1.0, (a, p) => a * p), s.PositionAccuracy);
            })
            .OrderBy(p => p.Params)
            .ToList();
}
