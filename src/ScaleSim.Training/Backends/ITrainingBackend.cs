using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends;

/// <summary>
/// What the trainer asks of a device: one model of a fixed shape and batch, its parameters, gradients and AdamW
/// moments held in the flat <see cref="ParameterLayout"/>, and four calls per step — <see cref="Forward"/>,
/// <see cref="Backward"/>, <see cref="GradientNorm"/>, <see cref="Step"/>. Everything else (data, schedule, clipping
/// decision, validation, checkpoints) is backend-independent and lives in the trainer.
/// </summary>
/// <remarks>
/// <para>Token buffers are row-major (batch, context). Probabilities are row-major (batch, context, vocab).</para>
/// <para>A backend owns all its buffers from construction: a step allocates nothing. Host↔device copies happen only in
/// the Set/Get calls, which the trainer uses at start-up, for checkpoints and in tests.</para>
/// <para>Backends must agree with each other: forward loss and every gradient to tight tolerance on the same
/// weights and batch (tests/ScaleSim.Training.Tests/BackendAgreementTests.cs runs every backend it knows).</para>
/// </remarks>
public interface ITrainingBackend : IDisposable
{
    /// <summary>A short description, e.g. <c>cpu avx512 2 threads</c>.</summary>
    string Name { get; }

    /// <summary>The model shape.</summary>
    TinyGpt Model { get; }

    /// <summary>Sequences per step.</summary>
    int BatchSize { get; }

    /// <summary>The layout of parameters, gradients and moments.</summary>
    ParameterLayout Layout { get; }

    /// <summary>Uploads parameters (<see cref="ParameterLayout.Count"/> floats).</summary>
    void SetParameters(ReadOnlySpan<float> parameters);

    /// <summary>Downloads parameters.</summary>
    void GetParameters(Span<float> destination);

    /// <summary>Downloads the gradients left by the last <see cref="Backward"/>.</summary>
    void GetGradients(Span<float> destination);

    /// <summary>Uploads AdamW's first and second moments (zero for a fresh run).</summary>
    void SetOptimizerState(ReadOnlySpan<float> firstMoment, ReadOnlySpan<float> secondMoment);

    /// <summary>Downloads AdamW's first and second moments.</summary>
    void GetOptimizerState(Span<float> firstMoment, Span<float> secondMoment);

    /// <summary>
    /// Runs the model on <paramref name="inputs"/> (B·T token ids) and returns the mean cross-entropy (nats) of
    /// predicting <paramref name="targets"/> (B·T ids); keeps what <see cref="Backward"/> needs.
    /// </summary>
    float Forward(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets);

    /// <summary>Downloads the softmax output of the last <see cref="Forward"/> (B·T·V floats).</summary>
    void GetProbabilities(Span<float> destination);

    /// <summary>Gradients of the last forward's mean loss with respect to every parameter, overwriting the previous ones.</summary>
    void Backward();

    /// <summary>The global L2 norm of the gradients (computed in double on the host side of the sum).</summary>
    double GradientNorm();

    /// <summary>One AdamW update of every parameter from the current gradients.</summary>
    void Step(in AdamWStep step);
}
