namespace ScaleSim.Analysis;

/// <summary>The runs of one compute budget: an IsoFLOP profile.</summary>
/// <param name="Flops">The budget (geometric mean of the group's compute).</param>
/// <param name="Rows">Indices of the runs in the run table.</param>
public sealed record IsoFlopGroup(double Flops, IReadOnlyList<int> Rows)
{
    /// <summary>
    /// Groups runs whose compute agrees within <paramref name="tolerance"/> (a fraction: 0.05 is 5%) of a common
    /// budget, without chaining: every run of a group lies within the tolerance of the group's centre, so a grid of
    /// budgets 1.2× apart stays 1.2× apart however many budgets it has. The densest budget is taken first (the run with
    /// the most others within the tolerance; its neighbours' geometric mean is the centre), then the next among the
    /// runs left. A run with no other run within the tolerance fits no budget and is in no group.
    /// </summary>
    public static IReadOnlyList<IsoFlopGroup> WithinTolerance(IReadOnlyList<double> flops, double tolerance)
    {
        if (!(tolerance > 0 && tolerance < 1))
            throw InputException.About($"{InputName.Of("budget_tolerance")} must be a fraction between 0 and 1 (0.05 is 5%), got {tolerance}");
        double width = Math.Log(1 + tolerance);
        var logs = flops.Select(c => Math.Log(c)).ToArray();
        // Sorted by compute, so ties between equally dense budgets go to the cheaper one, whatever the table's order.
        var left = Enumerable.Range(0, logs.Length).OrderBy(i => logs[i]).ThenBy(i => i).ToList();
        var groups = new List<IsoFlopGroup>();
        while (left.Count > 1)
        {
            int bestCount = 0;
            double bestCentre = 0;
            foreach (int i in left)
            {
                var near = left.Where(j => Math.Abs(logs[j] - logs[i]) <= width).ToList();
                if (near.Count > bestCount) (bestCount, bestCentre) = (near.Count, near.Average(j => logs[j]));
            }
            var members = left.Where(j => Math.Abs(logs[j] - bestCentre) <= width).ToList();
            if (members.Count < 2) break;
            groups.Add(new IsoFlopGroup(Math.Exp(members.Average(r => logs[r])), members.Order().ToArray()));
            left.RemoveAll(members.Contains);
        }
        return groups.OrderBy(g => g.Flops).ToList();
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
