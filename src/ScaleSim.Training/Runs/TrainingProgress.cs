namespace ScaleSim.Training.Runs;

/// <summary>Reported after every optimizer step (a struct: reporting allocates nothing).</summary>
/// <param name="Step">Steps completed.</param>
/// <param name="TotalSteps">Steps in the run.</param>
/// <param name="Tokens">Tokens consumed.</param>
/// <param name="TotalTokens">Tokens in the run.</param>
/// <param name="TokensPerSecond">Throughput of this session so far.</param>
/// <param name="TrainLoss">Loss of the last step.</param>
/// <param name="ValidationLoss">Last validation loss (NaN before the first).</param>
/// <param name="LearningRate">Learning rate of the last step.</param>
/// <param name="ElapsedSeconds">Training wall time so far.</param>
public readonly record struct TrainingProgress(
    long Step, long TotalSteps, long Tokens, long TotalTokens, double TokensPerSecond, double TrainLoss, double ValidationLoss,
    double LearningRate, double ElapsedSeconds)
{
    /// <summary>Seconds left at the current throughput.</summary>
    public double EtaSeconds => TokensPerSecond > 0 ? (TotalTokens - Tokens) / TokensPerSecond : double.NaN;
}
