namespace ScaleSim.Training.Sweeps;

/// <summary>
/// One completed run as a row of the sweep's runs.csv: what was planned, what it cost and where it got to. The file's
/// columns are <see cref="SweepColumns.RunsTable"/>, in this order.
/// </summary>
/// <param name="Run">The run's id (its directory name).</param>
/// <param name="Role">IsoFLOP point, extra horizon or size-sweep width.</param>
/// <param name="Budget">The IsoFLOP budget it belongs to, in the experiment's FLOP convention (null for other roles).</param>
/// <param name="Seed">Seed of its weights and data order.</param>
/// <param name="Layers">Transformer blocks.</param>
/// <param name="DModel">Residual width.</param>
/// <param name="Heads">Attention heads.</param>
/// <param name="Context">Sequence length.</param>
/// <param name="Batch">Sequences per step.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Params">Total parameters.</param>
/// <param name="NonEmbeddingParams">Parameters outside the embeddings.</param>
/// <param name="Tokens">Training tokens.</param>
/// <param name="Flops">Training FLOPs under the experiment's FLOP model.</param>
/// <param name="Flops6nd">Training FLOPs as 6·N·D with total N.</param>
/// <param name="FlopsKaplan">Training FLOPs as 6·N·D with non-embedding N.</param>
/// <param name="FlopsHoffmann">Training FLOPs counted as Hoffmann et al. (2022, App. F) do.</param>
/// <param name="Loss">Final validation loss.</param>
/// <param name="TrainLoss">Final training loss.</param>
/// <param name="EntropyFloor">The exact loss floor on the run's validation set, when the source knows it.</param>
/// <param name="EntropyRate">The source's entropy rate, when known.</param>
public sealed record SweepRunRecord(
    string Run, RunRole Role, double? Budget, ulong Seed, int Layers, int DModel, int Heads, int Context, int Batch, long Steps,
    long Params, long NonEmbeddingParams, long Tokens, double Flops, double Flops6nd, double FlopsKaplan, double FlopsHoffmann,
    double? Loss, double? TrainLoss, double? EntropyFloor, double? EntropyRate);
