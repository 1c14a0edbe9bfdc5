using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>One model under one law: its predicted loss and the compute-optimal alternative at the same budget.</summary>
/// <param name="Model">The model.</param>
/// <param name="LawName">The law's name.</param>
/// <param name="Loss">The loss the law predicts for the model as trained.</param>
/// <param name="Optimal">The minimum of the law's own L(N, D) at the model's budget (for Kaplan's law this differs from
/// Kaplan's recommended frontier, whose loss under L(N, D) is higher; see <see cref="KaplanFrontierRule"/>).</param>
public sealed record ModelComparison(ReferenceModel Model, string LawName, double Loss, Allocation Optimal)
{
    /// <summary>Compares each model under each named law.</summary>
    public static IReadOnlyList<ModelComparison> Compare(IEnumerable<ReferenceModel> models, IEnumerable<(string Name, ILossLaw Law)> laws)
    {
        var lawList = laws.Select(l =>
        {
            var joint = ComputePlanner.For(l.Law).Law;
            return (l.Name, Planner: new ComputePlanner(joint, new LawMinimumRule(joint)));
        }).ToList();
        return models.SelectMany(m => lawList.Select(l =>
            new ModelComparison(m, l.Name, l.Planner.Law.Loss(m.Params, m.Tokens), l.Planner.Optimal(m.Flops)))).ToList();
    }
}
