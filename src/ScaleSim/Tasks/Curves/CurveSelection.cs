namespace ScaleSim.Tasks.Curves;

/// <summary>The candidate forms of a curve and the one selected.</summary>
/// <param name="Candidates">Every form fitted, simplest first.</param>
/// <param name="Chosen">The selected candidate.</param>
/// <param name="Rule">The rule that chose it.</param>
/// <param name="Overdispersion">
/// ĉ ≥ 1, how much more the scores scatter than binomial sampling explains (1 when the number of examples is unknown).
/// </param>
public sealed record CurveSelection(IReadOnlyList<FormCandidate> Candidates, FormCandidate Chosen, SelectionRule Rule, double Overdispersion);
