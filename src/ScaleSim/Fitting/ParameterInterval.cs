namespace ScaleSim.Fitting;

/// <summary>A bootstrap summary of one parameter or derived quantity.</summary>
/// <param name="Name">Parameter name (e.g. alpha, or a for a derived exponent).</param>
/// <param name="Estimate">The full-data estimate.</param>
/// <param name="Low">2.5th percentile of the bootstrap distribution.</param>
/// <param name="High">97.5th percentile of the bootstrap distribution.</param>
/// <param name="StandardError">Standard deviation of the bootstrap distribution.</param>
public sealed record ParameterInterval(string Name, double Estimate, double Low, double High, double StandardError);
