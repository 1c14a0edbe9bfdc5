namespace ScaleSim.Training.Backends.Verification;

/// <summary>What <see cref="BackendVerification"/> checks, on which device, at which shapes.</summary>
public sealed record BackendVerificationOptions
{
    /// <summary>The device whose backend is checked.</summary>
    public required TrainingDevice Device { get; init; }

    /// <summary>The shapes; null takes <see cref="VerificationShape.DefaultsFor"/> the device.</summary>
    public IReadOnlyList<VerificationShape>? Shapes { get; init; }

    /// <summary>The comparisons; null runs every <see cref="VerificationKind"/> that applies to the device.</summary>
    public IReadOnlyList<VerificationKind>? Kinds { get; init; }

    /// <summary>Backends stepping at once in the <see cref="VerificationKind.Concurrent"/> check.</summary>
    public int ConcurrentRuns { get; init; } = 4;

    /// <summary>Entries of every tensor checked against finite differences.</summary>
    public int FiniteDifferenceEntries { get; init; } = 3;

    /// <summary>Seed of the entries checked against finite differences.</summary>
    public ulong FiniteDifferenceSeed { get; init; } = 23;

    /// <summary>Throws <see cref="InputException"/> for counts that are not positive.</summary>
    public void Validate()
    {
        if (ConcurrentRuns <= 0) throw InputException.About($"{InputName.Of("concurrent_runs")} must be positive, got {ConcurrentRuns}");
        if (FiniteDifferenceEntries <= 0) throw InputException.About($"{InputName.Of("finite_difference_entries")} must be positive, got {FiniteDifferenceEntries}");
        if (Shapes is { Count: 0 }) throw InputException.About($"{InputName.Of("shapes")} names no shape");
        if (Kinds is { Count: 0 }) throw InputException.About($"{InputName.Of("checks")} names no check");
    }
}
