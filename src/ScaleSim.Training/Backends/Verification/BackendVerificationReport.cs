namespace ScaleSim.Training.Backends.Verification;

/// <summary>What <see cref="BackendVerification.Run(BackendVerificationOptions, CancellationToken)"/> found.</summary>
/// <param name="Device">The device checked.</param>
/// <param name="Backend">Its backend's description, e.g. <c>ilgpu cuda NVIDIA H200</c>.</param>
/// <param name="Checks">Every quantity compared, in the order they ran.</param>
/// <param name="Seconds">Wall time of all the checks.</param>
public sealed record BackendVerificationReport(TrainingDevice Device, string Backend, IReadOnlyList<VerificationCheck> Checks, double Seconds)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
