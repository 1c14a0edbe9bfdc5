namespace ScaleSim.Planning;

/// <summary>Predicted loss against model size at a fixed compute budget (Hoffmann et al. 2022, Fig. 3 left).</summary>
/// <param name="Flops">The budget C.</param>
/// <param name="Points">Allocations from small to large N, each with D = C/(6N).</param>
/// <param name="Optimal">The compute-optimal allocation at C under the planner's rule.</param>
public sealed record IsoFlopProfile(double Flops, IReadOnlyList<Allocation> Points, Allocation Optimal);
