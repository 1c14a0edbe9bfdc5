namespace ScaleSim.Analysis;

/// <summary>The runs of one compute budget: an IsoFLOP profile.</summary>
/// <param name="Flops">The budget (geometric mean of the group's compute).</param>
/// <param name="Rows">Indices of the runs in the run table.</param>
public sealed record IsoFlopGroup(double Flops, IReadOnlyList<int> Rows)
{
    /// <summary>
    /// Groups runs by budget: a sorted run starts a new group when its compute is more than <paramref name="gapDecades"/>
    /// above the previous run's. IsoFLOP sweeps place budgets at least a quarter decade apart, and runs of one
    /// budget agree to well within that (reconstructed runs scatter by a few percent).
    /// </summary>
    public static IReadOnlyList<IsoFlopGroup> FromFlops(IReadOnlyList<double> flops, double gapDecades = 0.1)
    {
        var order = Enumerable.Range(0, flops.Count).OrderBy(i => flops[i]).ToArray();
        var groups = new List<IsoFlopGroup>();
        var current = new List<int>();
        for (int k = 0; k < order.Length; k++)
        {
            if (current.Count > 0 && Math.Log10(flops[order[k]] / flops[order[k - 1]]) > gapDecades)
            {
                groups.Add(Make(current));
                current = [];
            }
            current.Add(order[k]);
        }
        if (current.Count > 0) groups.Add(Make(current));
        return groups;

        IsoFlopGroup Make(List<int> rows) =>
            new(Math.Exp(rows.Average(r => Math.Log(flops[r]))), rows.Order().ToArray());
    }

    /// <summary>
    /// Groups runs by a budget label (e.g. the <c>budget</c> column sweeps write); runs without one belong to no group.
    /// The group's compute is the geometric mean of its runs' compute, which may differ from the label under another
    /// parameter convention.
    /// </summary>
    public static IReadOnlyList<IsoFlopGroup> FromBudgets(IReadOnlyList<double?> budgets, IReadOnlyList<double> flops) =>
        Enumerable.Range(0, budgets.Count).Where(i => budgets[i].HasValue).GroupBy(i => budgets[i]!.Value).OrderBy(g => g.Key)
            .Select(g => new IsoFlopGroup(Math.Exp(g.Average(r => Math.Log(flops[r]))), g.Order().ToArray()))
            .ToList();
}
