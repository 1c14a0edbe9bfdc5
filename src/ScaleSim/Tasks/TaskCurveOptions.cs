using ScaleSim.Tasks.Classification;
using ScaleSim.Tasks.Curves;

namespace ScaleSim.Tasks;

/// <summary>How a task curve is analysed.</summary>
public sealed record TaskCurveOptions
{
    /// <summary>The form to fit: a name of <see cref="CurveForms.Names"/> (auto selects among all).</summary>
    public string Form { get; init; } = "auto";

    /// <summary>How forms are fitted and compared.</summary>
    public SelectionOptions Selection { get; init; } = new();

    /// <summary>The classification rules.</summary>
    public ClassificationRules Rules { get; init; } = new();

    /// <summary>Bootstrap resamples for intervals (0 for none).</summary>
    public int Bootstrap { get; init; } = 200;

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// How many of the largest scales to hold out (0 for none): the analysis runs on the rest and predicts them
    /// (<see cref="TaskCurveResult.Holdout"/>).
    /// </summary>
    public int Holdout { get; init; }
}
