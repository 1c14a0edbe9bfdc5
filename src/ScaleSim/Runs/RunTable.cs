using Microsoft.Data.Analysis;

namespace ScaleSim.Runs;

/// <summary>
/// Training runs as a typed table: parameters N, tokens D, compute C and loss per row (all positive and finite),
/// plus every other column of the file, kept in a <see cref="DataFrame"/>.
/// </summary>
public sealed class RunTable
{
    internal RunTable(string source, DataFrame frame, double[]? n, double[]? d, double[]? c, double[] loss,
        int[] lines, IReadOnlyList<string> warnings, string? derivedColumn, double[]? uniqueTokens = null)
    {
        UniqueTokens = uniqueTokens;
        Source = source;
        Frame = frame;
        Params = n;
        Tokens = d;
        Flops = c;
        Loss = loss;
        Lines = lines;
        Warnings = warnings;
        DerivedColumn = derivedColumn;
    }

    /// <summary>Where the runs came from (a file name), used in messages.</summary>
    public string Source { get; }

    /// <summary>All columns: N, D, C and loss as double columns named N, D, C, loss, then the file's other columns.</summary>
    public DataFrame Frame { get; }

    /// <summary>Parameters per run, or null when the file has no N column and it could not be derived.</summary>
    public double[]? Params { get; }

    /// <summary>Training tokens per run, or null when unavailable.</summary>
    public double[]? Tokens { get; }

    /// <summary>Training compute in FLOPs per run, or null when unavailable.</summary>
    public double[]? Flops { get; }

    /// <summary>Unique tokens per run (the data repeated D/U times), or null when the file has no such column.</summary>
    public double[]? UniqueTokens { get; }

    /// <summary>Final loss per run.</summary>
    public double[] Loss { get; }

    /// <summary>The file line each row came from, for messages.</summary>
    public int[] Lines { get; }

    /// <summary>Non-fatal findings, such as duplicated rows.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Which of N, D, C was derived from the other two (null when none was).</summary>
    public string? DerivedColumn { get; }

    /// <summary>Number of runs.</summary>
    public int Count => Loss.Length;

    /// <summary>Parameters, or an <see cref="InputException"/> saying how to map the column.</summary>
    public double[] RequireParams() => Params ?? throw Missing("parameters N", "params_column", RunColumns.ParamsAliases);

    /// <summary>Tokens, or an <see cref="InputException"/> saying how to map the column.</summary>
    public double[] RequireTokens() => Tokens ?? throw Missing("tokens D", "tokens_column", RunColumns.TokensAliases);

    /// <summary>FLOPs, or an <see cref="InputException"/> saying how to map the column.</summary>
    public double[] RequireFlops() => Flops ?? throw Missing("compute C", "flops_column", RunColumns.FlopsAliases);

    /// <summary>Unique tokens, or an <see cref="InputException"/> saying how to map the column.</summary>
    public double[] RequireUniqueTokens() => UniqueTokens ?? throw Missing("unique tokens U", "unique_tokens_column", RunColumns.UniqueTokensAliases);

    /// <summary>A table of the chosen rows, in the given order.</summary>
    public RunTable Select(IReadOnlyList<int> rows)
    {
        var idx = rows.Select(r => (long)r).ToArray();
        var frame = Frame[new Int64DataFrameColumn("rows", idx)];
        return new RunTable(Source, frame, Pick(Params), Pick(Tokens), Pick(Flops), Pick(Loss)!,
            rows.Select(r => Lines[r]).ToArray(), Warnings, DerivedColumn, Pick(UniqueTokens));

        double[]? Pick(double[]? values) => values is null ? null : rows.Select(r => values[r]).ToArray();
    }

    /// <summary>The table without its <paramref name="k"/> highest-loss rows (Epoch AI drop the 5 worst Chinchilla points).</summary>
    public RunTable ExcludeTopLoss(int k)
    {
        if (k < 0) throw InputException.About($"{InputName.Of("exclude_top_loss")} must be non-negative, got {k}");
        if (k == 0) return this;
        if (k >= Count) throw InputException.About($"{Source}: {InputName.Of("exclude_top_loss")} {k} would drop all {Count} rows");
        var keep = Enumerable.Range(0, Count).OrderBy(i => Loss[i]).ThenBy(i => i).Take(Count - k).Order().ToArray();
        return Select(keep);
    }

    private InputException Missing(string what, string parameter, string[] aliases) =>
        InputException.About($"{Source}: no column for {what} (looked for {string.Join(", ", aliases)}; the file has {Columns()}); name it with {InputName.Of(parameter)} COLUMN");

    private string Columns()
    {
        var names = Frame.Columns.Select(c => c.Name).ToList();
        return names.Count <= 12 ? string.Join(", ", names) : string.Join(", ", names.Take(12)) + $" and {names.Count - 12} more";
    }
}
