namespace ScaleSim.Training.Sweeps;

/// <summary>One validation of one run, a row of the sweep's curves.csv (columns <see cref="SweepColumns.CurvesTable"/>).</summary>
/// <param name="Run">The run's id.</param>
/// <param name="Params">Its total parameters.</param>
/// <param name="NonEmbeddingParams">Its parameters outside the embeddings.</param>
/// <param name="Tokens">Tokens seen at this validation.</param>
/// <param name="Flops">Compute spent by then, under the experiment's FLOP model.</param>
/// <param name="Loss">The validation loss.</param>
public sealed record SweepCurvePoint(string Run, long Params, long NonEmbeddingParams, long Tokens, double Flops, double Loss);
