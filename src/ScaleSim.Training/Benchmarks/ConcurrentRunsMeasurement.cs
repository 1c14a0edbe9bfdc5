namespace ScaleSim.Training.Benchmarks;

/// <summary>K runs training at once on one device, timed together.</summary>
/// <param name="Runs">K.</param>
/// <param name="TokensPerSecond">Training tokens per second of all K together.</param>
/// <param name="SlowestRunTokensPerSecond">The slowest run's own tokens per second.</param>
/// <param name="SpeedupOverOneRun">Aggregate tokens/s over the one-run figure (K = 1 when measured, else the smallest K measured, scaled per run).</param>
/// <param name="Steps">Timed steps of all runs together.</param>
/// <param name="Seconds">Wall time from the common start to the last run's last timed step.</param>
public sealed record ConcurrentRunsMeasurement(int Runs, double TokensPerSecond, double SlowestRunTokensPerSecond, double SpeedupOverOneRun, long Steps, double Seconds);
