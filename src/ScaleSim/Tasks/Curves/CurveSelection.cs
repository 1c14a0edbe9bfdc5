namespace ScaleSim.Tasks.Curves;

/// <summary>The candidate forms of a curve and the one selected.</summary>
/// <param name="Candidates">Every form fitted, simplest first.</param>
/// <param name="Chosen">The selected candidate.</param>
/// <param name="Rule">The rule asked for.</param>
/// <param name="Overdispersion">
/// ĉ ≥ 1, how much more the scores scatter than binomial sampling explains (1 when the number of examples is unknown).
/// </param>
/// <param name="Criterion">
/// What chose: AICc, BIC or the extrapolation error (<see cref="SelectionRule.Auto"/> resolves to AICc or BIC per curve).
/// </param>
public sealed record CurveSelection(IReadOnlyList<FormCandidate> Candidates, FormCandidate Chosen, SelectionRule Rule, double Overdispersion, SelectionRule Criterion)
{
    /// <summary>The chosen form's value of the criterion that chose it (AICc or BIC; AICc under extrapolation).</summary>
    public double ChosenCriterionValue => Criterion == SelectionRule.Bic ? Chosen.Bic : Chosen.Aicc;
}
