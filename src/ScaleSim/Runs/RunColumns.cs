namespace ScaleSim.Runs;

/// <summary>
/// Which columns of a runs file hold parameters N, tokens D, compute C, loss and (optionally) unique tokens U. A null name means "look for
/// the usual names" (<see cref="ParamsAliases"/> etc.), matched ignoring case, then by letters and digits alone
/// (<see cref="RawTable.IndexOf"/>: "Model Size" is model_size).
/// </summary>
/// <param name="Params">Column of N, or null for the usual names.</param>
/// <param name="Tokens">Column of D, or null for the usual names.</param>
/// <param name="Flops">Column of C, or null for the usual names.</param>
/// <param name="Loss">Column of the loss, or null for the usual names.</param>
/// <param name="UniqueTokens">Column of unique tokens U, or null for the usual names.</param>
/// <param name="DeriveFlops">Ignore any C column and derive C from N and D, e.g. when N is switched to another
/// parameter convention and C must follow it.</param>
public sealed record RunColumns(string? Params = null, string? Tokens = null, string? Flops = null, string? Loss = null, string? UniqueTokens = null, bool DeriveFlops = false)
{
    /// <summary>Names tried for N when none is given.</summary>
    public static readonly string[] ParamsAliases = ["N", "params", "N_params", "parameters", "n_params", "num_params", "n_parameters", "num_parameters", "model_size", "parameter_count"];

    /// <summary>Names tried for D when none is given.</summary>
    public static readonly string[] TokensAliases = ["D", "tokens", "D_tokens", "n_tokens", "num_tokens", "training_tokens", "train_tokens", "tokens_seen"];

    /// <summary>Names tried for C when none is given.</summary>
    public static readonly string[] FlopsAliases = ["C", "flops", "C_flop", "compute", "C_flops", "training_flops", "train_flops", "compute_flops", "total_flops"];

    /// <summary>Names tried for the unique tokens U (data-constrained runs) when none is given.</summary>
    public static readonly string[] UniqueTokensAliases = ["U", "unique_tokens", "U_tokens", "unique", "n_unique_tokens"];

    /// <summary>Names tried for the optimizer step (training curves; the learning-curve law L(N, S)).</summary>
    public static readonly string[] StepsAliases = ["step", "steps", "global_step", "iteration", "iter"];

    /// <summary>Names tried for the batch size in tokens per step.</summary>
    public static readonly string[] BatchTokensAliases = ["batch_tokens", "tokens_per_step", "batch_size_tokens"];

    /// <summary>Names tried for the loss when none is given.</summary>
    public static readonly string[] LossAliases = ["loss", "L", "final_loss", "val_loss", "final_val_loss", "eval_loss", "validation_loss", "valid_loss", "test_loss", "final_eval_loss"];
}
