using System.Globalization;
using ScaleSim.Training.Model;

namespace ScaleSim.Training.Sweeps;

/// <summary>The sizes of one IsoFLOP profile: spread log-evenly around the expected optimum and snapped to the shape rule.</summary>
internal static class IsoFlopSizes
{
    /// <summary>
    /// <paramref name="count"/> target sizes over <paramref name="span"/> around the prior's optimum at
    /// <paramref name="budget"/>, each the nearest shape (sizes measured by <paramref name="size"/>), duplicates merged.
    /// Refuses a profile without two sizes on either side of the expected optimum (no interior minimum could be placed).
    /// </summary>
    public static IReadOnlyList<TinyGpt> Place(double budget, OptimumPrior prior, int count, double span, ShapeRule shape, int context, int vocab, Func<TinyGpt, double> size)
    {
        double optimum = prior.At(budget);
        var models = Enumerable.Range(0, count)
            .Select(i => optimum * Math.Pow(span, (i - (count - 1) / 2.0) / (count - 1)))
            .Select(target => shape.Nearest(target, context, vocab, size))
            .DistinctBy(m => m.DModel)
            .ToList();
        int below = models.Count(m => size(m) < optimum), above = models.Count(m => size(m) > optimum);
        if (below < 2 || above < 2)
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"budget {budget:0.0e+00}: the expected optimum N ≈ {optimum:0.0e+00} has {below} size(s) below and {above} above it within the shape rule " +
                $"(d_model {shape.MinWidth}–{shape.MaxWidth}); an IsoFLOP profile needs at least 2 on each side to place an interior minimum"));
        return models;
    }
}
