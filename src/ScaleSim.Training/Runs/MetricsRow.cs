namespace ScaleSim.Training.Runs;

/// <summary>One line of metrics.csv, written at every validation.</summary>
/// <param name="Step">Optimizer steps completed.</param>
/// <param name="Tokens">Training tokens consumed.</param>
/// <param name="Flops">Training FLOPs so far under the run's FLOP model.</param>
/// <param name="TrainLoss">Mean training loss over the steps since the previous row (NaN on the step-0 row).</param>
/// <param name="ValidationLoss">Validation loss at this step (expected cross-entropy when the source knows its truth).</param>
/// <param name="LearningRate">Learning rate of the last step taken (NaN on the step-0 row).</param>
/// <param name="ElapsedSeconds">Training wall time so far, summed over resumed sessions.</param>
public readonly record struct MetricsRow(long Step, long Tokens, double Flops, double TrainLoss, double ValidationLoss, double LearningRate, double ElapsedSeconds)
{
    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "step,tokens,flops,train_loss,val_loss,lr,elapsed_s";
}
