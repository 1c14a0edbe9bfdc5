using ScaleSim.Planning;

namespace ScaleSim.Replication;

/// <summary>One row of Hoffmann et al.'s Table A3 (Approach 3): the published budget and tokens for a model size, beside
/// the same quantities recomputed from a law.</summary>
/// <param name="Params">Model size N.</param>
/// <param name="PublishedFlops">FLOPs the paper prints for N (Approach 3).</param>
/// <param name="PublishedTokens">Tokens the paper prints for N (Approach 3).</param>
/// <param name="FromPaper">The compute-optimal budget for N under the paper's printed parameters.</param>
/// <param name="FromRefit">The same under this replication's refit.</param>
public sealed record TableA3Row(double Params, double PublishedFlops, double PublishedTokens, Allocation FromPaper, Allocation FromRefit);
