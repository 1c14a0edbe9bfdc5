using ScaleSim.Analysis;
using ScaleSim.Flops;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// The column names of a sweep's tables, the one place both the writer (<see cref="SweepTables"/>) and the reader
/// (<see cref="SweepResults"/>) take them from. The names a runs table shares with any user's table (run, budget, steps,
/// entropy_floor, params, tokens, loss) are the ones the analysis looks for.
/// </summary>
public static class SweepColumns
{
    /// <summary>Run id.</summary>
    public const string Run = RunAnnotations.Columns.Run;

    /// <summary>isoflop, horizon or size.</summary>
    public const string Role = "role";

    /// <summary>IsoFLOP budget.</summary>
    public const string Budget = RunAnnotations.Columns.Budget;

    /// <summary>Seed.</summary>
    public const string Seed = "seed";

    /// <summary>Layers.</summary>
    public const string Layers = "layers";

    /// <summary>d_model.</summary>
    public const string DModel = "d_model";

    /// <summary>Heads.</summary>
    public const string Heads = "heads";

    /// <summary>Context.</summary>
    public const string Context = "context";

    /// <summary>Batch.</summary>
    public const string Batch = "batch";

    /// <summary>Optimizer steps.</summary>
    public const string Steps = RunAnnotations.Columns.Steps;

    /// <summary>Total parameters.</summary>
    public const string Params = "params";

    /// <summary>Non-embedding parameters.</summary>
    public const string NonEmbeddingParams = "non_embedding_params";

    /// <summary>Training tokens.</summary>
    public const string Tokens = "tokens";

    /// <summary>FLOPs under the experiment's FLOP model.</summary>
    public const string Flops = "flops";

    /// <summary>FLOPs as 6·N·D.</summary>
    public const string Flops6nd = "flops_6nd";

    /// <summary>FLOPs as Kaplan's non-embedding 6·N·D.</summary>
    public const string FlopsKaplan = "flops_kaplan";

    /// <summary>FLOPs as Hoffmann et al. count them.</summary>
    public const string FlopsHoffmann = "flops_hoffmann";

    /// <summary>Final validation loss.</summary>
    public const string Loss = "loss";

    /// <summary>Final training loss.</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>The exact loss floor.</summary>
    public const string EntropyFloor = RunAnnotations.Columns.EntropyFloor;

    /// <summary>The source's entropy rate.</summary>
    public const string EntropyRate = "entropy_rate";

    /// <summary>runs.csv, in order.</summary>
    public static IReadOnlyList<string> RunsTable { get; } =
    [
        Run, Role, Budget, Seed, Layers, DModel, Heads, Context, Batch, Steps, Params, NonEmbeddingParams, Tokens,
        Flops, Flops6nd, FlopsKaplan, FlopsHoffmann, Loss, TrainLoss, EntropyFloor, EntropyRate,
    ];

    /// <summary>curves.csv, in order.</summary>
    public static IReadOnlyList<string> CurvesTable { get; } = [Run, Params, NonEmbeddingParams, Tokens, Flops, Loss];

    /// <summary>The parameter column of a convention.</summary>
    public static string ParamsOf(ParameterConvention convention) => convention == ParameterConvention.Total ? Params : NonEmbeddingParams;
}
