using System.Globalization;

namespace ScaleSim.Training.Data;

/// <summary>
/// The knobs of the random sparse Markov source, defaults those of the tiny-scaling pilot
/// (shared/notes/tiny-scaling-study.md), on which losses of 5K–500K-parameter models fall as power laws in N and D:
/// order 2, V = 64 (4096 contexts), each context with S ~ Uniform{2..8} successors drawn without replacement from a
/// Zipf(1.0) prior over tokens (ranks randomly permuted), successor weights Dirichlet(0.5) floored at 1e-6.
/// </summary>
/// <param name="Order">k: tokens of context that determine the next token.</param>
/// <param name="Vocab">V.</param>
/// <param name="Seed">Seed of the transition structure (and of the validation sequences); independent of the run seed.</param>
/// <param name="MinSuccessors">Fewest successors a context has.</param>
/// <param name="MaxSuccessors">Most successors a context has (capped at V).</param>
/// <param name="ZipfExponent">s in the successor prior ∝ 1/rank^s: larger makes a few tokens dominate.</param>
/// <param name="DirichletAlpha">Concentration of the successor weights: smaller makes each row peakier (lower entropy).</param>
public sealed record MarkovSourceOptions(
    int Order = 2,
    int Vocab = 64,
    ulong Seed = 0,
    int MinSuccessors = 2,
    int MaxSuccessors = 8,
    double ZipfExponent = 1.0,
    double DirichletAlpha = 0.5)
{
    /// <summary>Probabilities below this are raised to it before renormalising, so no successor is unreachable.</summary>
    public const double ProbabilityFloor = 1e-6;

    /// <summary>Throws <see cref="InputException"/> naming the knob at fault.</summary>
    public void Validate()
    {
        if (Order <= 0) throw InputException.About($"{InputName.Of("data")} synthetic: k must be positive, got {Order}");
        if (Vocab < 2) throw InputException.About($"{InputName.Of("data")} synthetic: V must be at least 2, got {Vocab}");
        if (MinSuccessors < 1) throw InputException.About($"{InputName.Of("data")} synthetic: smin must be at least 1, got {MinSuccessors}");
        if (MaxSuccessors < MinSuccessors) throw InputException.About($"{InputName.Of("data")} synthetic: smax ({MaxSuccessors}) must be at least smin ({MinSuccessors})");
        if (!(ZipfExponent >= 0) || double.IsInfinity(ZipfExponent)) throw InputException.About($"{InputName.Of("data")} synthetic: zipf must be a non-negative number, got {ZipfExponent}");
        if (!(DirichletAlpha > 0) || double.IsInfinity(DirichletAlpha)) throw InputException.About($"{InputName.Of("data")} synthetic: alpha must be positive, got {DirichletAlpha}");
        MarkovChain.ContextCount(Order, Vocab);
    }

    /// <summary>The <c>--data</c> spelling of these options.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"synthetic:k={Order},V={Vocab},seed={Seed},smin={MinSuccessors},smax={MaxSuccessors},zipf={ZipfExponent:R},alpha={DirichletAlpha:R}");
}
