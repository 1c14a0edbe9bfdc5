namespace ScaleSim.Runs;

/// <summary>
/// Which columns of a runs file hold parameters N, tokens D, compute C, loss and (optionally) unique tokens U. A null name means "look for
/// the usual names" (<see cref="ParamsAliases"/> etc.), matched case-insensitively.
/// </summary>
public sealed record RunColumns(string? Params = null, string? Tokens = null, string? Flops = null, string? Loss = null, string? UniqueTokens = null)
{
    /// <summary>Names tried for N when none is given.</summary>
    public static readonly string[] ParamsAliases = ["N", "params", "N_params", "parameters", "n_params"];

    /// <summary>Names tried for D when none is given.</summary>
    public static readonly string[] TokensAliases = ["D", "tokens", "D_tokens", "n_tokens"];

    /// <summary>Names tried for C when none is given.</summary>
    public static readonly string[] FlopsAliases = ["C", "flops", "C_flop", "compute", "C_flops"];

    /// <summary>Names tried for the unique tokens U (data-constrained runs) when none is given.</summary>
    public static readonly string[] UniqueTokensAliases = ["U", "unique_tokens", "U_tokens", "unique", "n_unique_tokens"];

    /// <summary>Names tried for the loss when none is given.</summary>
    public static readonly string[] LossAliases = ["loss", "L", "final_loss", "val_loss", "final_val_loss"];
}
