namespace ScaleSim.Experiments;

/// <summary>One target of an IsoFLOP simulation and how the runs measured up to it.</summary>
/// <param name="Target">What the target asks, in words.</param>
/// <param name="Measured">What was measured, in words and numbers.</param>
/// <param name="Met">Whether it was met.</param>
public sealed record SimulationTarget(string Target, string Measured, bool Met);
