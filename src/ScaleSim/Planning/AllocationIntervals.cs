using ScaleSim.Fitting;
using ScaleSim.Laws;

namespace ScaleSim.Planning;

/// <summary>A plan with 95% bootstrap intervals on N, D and loss, from planning the same question under every resampled law.</summary>
/// <param name="Plan">The plan under the fitted law.</param>
/// <param name="Params">Interval of N.</param>
/// <param name="Tokens">Interval of D.</param>
/// <param name="Loss">Interval of the predicted loss.</param>
/// <param name="Resamples">Resampled laws planned.</param>
/// <param name="Failed">Resampled laws for which the question had no finite answer (left out of the intervals).</param>
public sealed record AllocationIntervals(Allocation Plan, ParameterInterval Params, ParameterInterval Tokens, ParameterInterval Loss, int Resamples, int Failed)
{
    /// <summary>
    /// Asks <paramref name="question"/> of the planner of the fitted law and of each resampled law; the intervals are
    /// the percentiles (<see cref="Percentiles.InterpolatedInterval"/>) of the answers, the same quantile as the
    /// parameters' own intervals. Null when fewer than two resamples give an answer.
    /// </summary>
    public static AllocationIntervals? Of(Allocation plan, IReadOnlyList<ILossLaw> resamples, Func<ComputePlanner, Allocation> question)
    {
        var answers = new List<Allocation>(resamples.Count);
        foreach (var law in resamples)
        {
            try
            {
                var a = question(ComputePlanner.For(law));
                if (double.IsFinite(a.Params) && double.IsFinite(a.Tokens) && double.IsFinite(a.Loss)) answers.Add(a);
            }
            catch (InputException)
            {
                // A resample whose law has no finite optimum (e.g. a vanishing exponent) answers nothing; it is counted below.
            }
        }
        if (answers.Count < 2) return null;
        return new AllocationIntervals(plan,
            Percentiles.InterpolatedInterval("params", plan.Params, answers.Select(a => a.Params).ToArray()),
            Percentiles.InterpolatedInterval("tokens", plan.Tokens, answers.Select(a => a.Tokens).ToArray()),
            Percentiles.InterpolatedInterval("loss", plan.Loss, answers.Select(a => a.Loss).ToArray()),
            resamples.Count, resamples.Count - answers.Count);
    }
}
