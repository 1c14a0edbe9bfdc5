namespace ScaleSim.Planning;

/// <summary>How a compute budget is split: the compute-optimal parameter count for a budget, D following from C = 6ND.</summary>
public interface IAllocationRule
{
    /// <summary>Short name for reports.</summary>
    string Name { get; }

    /// <summary>One line saying where the rule comes from.</summary>
    string Description { get; }

    /// <summary>The compute-optimal N for a budget of <paramref name="flops"/>.</summary>
    double OptimalParams(double flops);
}
