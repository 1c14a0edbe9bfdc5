namespace ScaleSim.Training.Runs;

/// <summary>
/// Where a branch started: the stem run it continued and the step of the stem's checkpoint it started from. The branch's
/// metrics and elapsed time include the stem's up to that step (they are the equivalent single run's), so the compute
/// the branch itself cost is its elapsed time less <paramref name="InheritedSeconds"/>.
/// </summary>
/// <param name="Stem">The stem's run directory, as the branch's sibling name.</param>
/// <param name="Step">The stem step the branch started from.</param>
/// <param name="InheritedSeconds">The stem's training seconds up to that step.</param>
public sealed record BranchOrigin(string Stem, long Step, double InheritedSeconds);
