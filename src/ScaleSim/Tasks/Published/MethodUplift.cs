namespace ScaleSim.Tasks.Published;

/// <summary>What a decoding method adds to greedy decoding for one model on one set.</summary>
/// <param name="Model">The model.</param>
/// <param name="Method">Self-Consistency or DIVERSE.</param>
/// <param name="Dataset">The reasoning set.</param>
/// <param name="Greedy">Greedy accuracy (%).</param>
/// <param name="Accuracy">The method's accuracy (%).</param>
public sealed record MethodUplift(string Model, string Method, string Dataset, double Greedy, double Accuracy)
{
    /// <summary>Accuracy − greedy, in percentage points.</summary>
    public double Uplift => Accuracy - Greedy;
}
