namespace ScaleSim.Training.Backends.Verification;

/// <summary>The comparisons <see cref="BackendVerification"/> makes.</summary>
public enum VerificationKind
{
    /// <summary>Loss, softmax output and every gradient against the double-precision reference model.</summary>
    Reference,

    /// <summary>Loss, gradient norm, softmax output and every gradient against the CPU backend on the same weights and batch.</summary>
    Cpu,

    /// <summary>A sample of every tensor's gradient against central finite differences of the device's own float32 loss.</summary>
    FiniteDifferences,

    /// <summary>Three AdamW steps (with clipping) against the CPU backend's: losses, norms, parameters, both moments.</summary>
    Steps,

    /// <summary>The same three steps twice on the device: bit-identical.</summary>
    Repeat,

    /// <summary>Several backends stepping at once on the device (one thread each): each bit-identical to its run alone.</summary>
    Concurrent,

    /// <summary>Whole training runs (<see cref="Runs.Trainer"/>): against the CPU backend, and twice on the device bit-identical.</summary>
    Trainer,

    /// <summary>The ILGPU matmul kernel against a double-precision product with every transpose and flag, edge tiles included.</summary>
    Matmul,
}

/// <summary>Names of <see cref="VerificationKind"/> as reports and the command line spell them.</summary>
public static class VerificationKinds
{
    /// <summary>Every kind, in the order a report lists them.</summary>
    public static IReadOnlyList<VerificationKind> All { get; } = Enum.GetValues<VerificationKind>();

    /// <summary><c>reference</c>, <c>cpu</c>, <c>finite-differences</c>, … .</summary>
    public static string ToName(this VerificationKind kind) => kind switch
    {
        VerificationKind.FiniteDifferences => "finite-differences",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kinds named in a comma-separated list; throws <see cref="InputException"/> on an unknown name.</summary>
    public static IReadOnlyList<VerificationKind> Parse(string names)
    {
        var kinds = new List<VerificationKind>();
        foreach (string name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kind = All.Where(k => k.ToName().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(k => (VerificationKind?)k).FirstOrDefault()
                ?? throw InputException.About($"{InputName.Of("checks")}: unknown check '{name}' (known: {string.Join(", ", All.Select(k => k.ToName()))})");
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        if (kinds.Count == 0) throw InputException.About($"{InputName.Of("checks")} names no check");
        return kinds;
    }
}
