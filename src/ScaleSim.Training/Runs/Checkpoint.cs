using System.Runtime.InteropServices;

namespace ScaleSim.Training.Runs;

/// <summary>
/// Everything needed to continue a run bit-identically: steps completed, parameters and both AdamW moments, the
/// metrics rows so far and the training-loss sum since the last row. Data order and the learning rate are functions
/// of the step, so they need no state. One binary file, written atomically.
/// </summary>
public sealed record Checkpoint(
    long Step,
    float[] Parameters,
    float[] FirstMoment,
    float[] SecondMoment,
    IReadOnlyList<MetricsRow> Metrics,
    double PendingLossSum,
    long PendingLossCount,
    double LastValidationLoss,
    double ElapsedSeconds)
{
    private const string Magic = "SCALESIM-CHECKPOINT";
    private const int Version = 1;

    /// <summary>Writes the checkpoint atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Step);
        w.Write(PendingLossSum);
        w.Write(PendingLossCount);
        w.Write(LastValidationLoss);
        w.Write(ElapsedSeconds);
        w.Write(Metrics.Count);
        foreach (var r in Metrics)
        {
            w.Write(r.Step);
            w.Write(r.Tokens);
            w.Write(r.Flops);
            w.Write(r.TrainLoss);
            w.Write(r.ValidationLoss);
            w.Write(r.LearningRate);
            w.Write(r.ElapsedSeconds);
        }
        w.Write(Parameters.Length);
        w.Write(MemoryMarshal.AsBytes(Parameters.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(FirstMoment.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(SecondMoment.AsSpan()));
    });

    /// <summary>Reads a checkpoint; throws <see cref="InputException"/> naming the file when it is missing or malformed.</summary>
    public static Checkpoint Load(string path, int expectedParameters)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream);
            if (r.ReadString() != Magic || r.ReadInt32() != Version) throw new InputException($"'{path}' is not a ScaleSim checkpoint");
            long step = r.ReadInt64();
            double sum = r.ReadDouble();
            long count = r.ReadInt64();
            double lastValidation = r.ReadDouble();
            double elapsed = r.ReadDouble();
            int rows = r.ReadInt32();
            var metrics = new List<MetricsRow>(rows);
            for (int i = 0; i < rows; i++)
                metrics.Add(new MetricsRow(r.ReadInt64(), r.ReadInt64(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()));
            int n = r.ReadInt32();
            if (n != expectedParameters) throw new InputException($"'{path}' holds {n} parameters, the run's config needs {expectedParameters}");
            float[] Floats()
            {
                var a = new float[n];
                stream.ReadExactly(MemoryMarshal.AsBytes(a.AsSpan()));
                return a;
            }
            var p = Floats();
            var m = Floats();
            var v = Floats();
            return new Checkpoint(step, p, m, v, metrics, sum, count, lastValidation, elapsed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            throw new InputException($"cannot read checkpoint '{path}': {e.Message}", e);
        }
    }
}
