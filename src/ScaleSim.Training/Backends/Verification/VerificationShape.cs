using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>A model shape and batch the backend checks run at, with the name a report gives it.</summary>
/// <param name="Name">e.g. <c>tiny</c>.</param>
/// <param name="Model">The shape.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="WeightScale">
/// Multiplies the σ of the check's weights (<see cref="VerificationInputs.Weights"/>: 0.3 and 0.1 at scale 1, the
/// backend unit tests' since they were written). Wide shapes use less, so activations and logits stay of the small
/// shapes' size: at scale 1 and d = 256 the softmax saturates, and float32 probabilities differ from the double
/// reference by more than the tolerance on the CPU backend itself.
/// </param>
public sealed record VerificationShape(string Name, TinyGpt Model, int Batch, double WeightScale = 1)
{
    /// <summary>
    /// Two blocks at the smallest widths (d=8, head size 4, 8 rows): ILGPU's CPU accelerator runs each simulated GPU
    /// thread on an OS thread, so whole-model checks there stay this small.
    /// </summary>
    public static VerificationShape Tiny { get; } = new("tiny", new TinyGpt(Layers: 2, DModel: 8, Heads: 2, Context: 4, Vocab: 11), 2);

    /// <summary>Widths that are not multiples of 16 (d=24, head size 12), 21 rows (edge tiles), a 7-token context.</summary>
    public static VerificationShape Ragged { get; } = new("ragged", new TinyGpt(Layers: 1, DModel: 24, Heads: 2, Context: 7, Vocab: 19), 3);

    /// <summary>Head size 16, a vocabulary that is not a multiple of 16, 24 rows.</summary>
    public static VerificationShape Aligned { get; } = new("aligned", new TinyGpt(Layers: 2, DModel: 32, Heads: 2, Context: 8, Vocab: 23), 3);

    /// <summary>
    /// The first training benchmark shape (L=2, d=64, H=4, T=64, V=256, B=16): 1024 rows, so a GPU runs many
    /// groups, full 32×32 matmul tiles and full 128-thread row trees. Too slow for ILGPU's CPU accelerator.
    /// </summary>
    public static VerificationShape Bench { get; } = new("bench", new TinyGpt(Layers: 2, DModel: 64, Heads: 4, Context: 64, Vocab: 256), 16, WeightScale: 0.5);

    /// <summary>
    /// One wide block over 2048 rows (L=1, d=256, H=4, T=128, V=256, B=16): on a GPU its QKV and MLP products are large
    /// enough for the 4×4-per-thread matmul, the others take the 2×2 one.
    /// </summary>
    public static VerificationShape Wide { get; } = new("wide", new TinyGpt(Layers: 1, DModel: 256, Heads: 4, Context: 128, Vocab: 256), 16, WeightScale: 0.25);

    /// <summary>Every named shape.</summary>
    public static IReadOnlyList<VerificationShape> All { get; } = [Tiny, Ragged, Aligned, Bench, Wide];

    /// <summary>
    /// The shapes checked by default on <paramref name="device"/>: tiny and ragged on ILGPU's CPU accelerator (the
    /// shapes its unit tests use), every shape elsewhere.
    /// </summary>
    public static IReadOnlyList<VerificationShape> DefaultsFor(TrainingDevice device) =>
        device == TrainingDevice.IlgpuCpu ? [Tiny, Ragged] : All;

    /// <summary>The shapes named in a comma-separated list (<c>tiny,ragged</c>); throws <see cref="InputException"/> on an unknown name.</summary>
    public static IReadOnlyList<VerificationShape> Parse(string names)
    {
        var shapes = new List<VerificationShape>();
        foreach (string name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var shape = All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw InputException.About($"{InputName.Of("shapes")}: unknown shape '{name}' (known: {string.Join(", ", All.Select(s => s.Name))})");
            if (!shapes.Contains(shape)) shapes.Add(shape);
        }
        if (shapes.Count == 0) throw InputException.About($"{InputName.Of("shapes")} names no shape");
        return shapes;
    }
}
