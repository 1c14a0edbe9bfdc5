using Microsoft.Data.Analysis;

namespace ScaleSim.Runs;

/// <summary>
/// The optimizer step S and the batch B (tokens per step) of each row of a runs table, from its own columns: a step
/// column and a batch column, or either one with the tokens D = S·B. What the learning-curve law L(N, S) is fitted on.
/// </summary>
/// <param name="Steps">S per row.</param>
/// <param name="BatchTokens">B per row.</param>
public sealed record TrainingSteps(double[] Steps, double[] BatchTokens)
{
    /// <summary>The steps and batches of <paramref name="runs"/>, or null when its columns do not give both.</summary>
    public static TrainingSteps? Read(RunTable runs)
    {
        var steps = Column(runs, RunColumns.StepsAliases, "optimizer step");
        var batch = Column(runs, RunColumns.BatchTokensAliases, "tokens per step");
        var tokens = runs.Tokens;
        if (steps is not null && batch is not null) return new TrainingSteps(steps, batch);
        if (steps is not null && tokens is not null) return new TrainingSteps(steps, tokens.Zip(steps, (d, s) => d / s).ToArray());
        if (batch is not null && tokens is not null) return new TrainingSteps(tokens.Zip(batch, (d, b) => d / b).ToArray(), batch);
        return null;
    }

    private static double[]? Column(RunTable runs, string[] aliases, string meaning)
    {
        var frame = runs.Frame;
        foreach (var alias in aliases)
        {
            var column = frame.Columns.FirstOrDefault(c => string.Equals(c.Name, alias, StringComparison.OrdinalIgnoreCase));
            if (column is null) continue;
            var values = new double[runs.Count];
            for (int i = 0; i < runs.Count; i++)
            {
                object? cell = column[i];
                values[i] = cell is double v && double.IsFinite(v) && v > 0
                    ? v
                    : throw new InputException($"{runs.Source} line {runs.Lines[i]}, column '{column.Name}' ({meaning}): '{cell}' is not a positive number");
            }
            return values;
        }
        return null;
    }
}
