namespace ScaleSim.Replication;

/// <summary>How a law splits a tenfold increase in compute: the factors on the optimal N and D.</summary>
/// <param name="LawName">The law (and its allocation rule).</param>
/// <param name="ParamsFactor">N_opt(10C) / N_opt(C).</param>
/// <param name="TokensFactor">D_opt(10C) / D_opt(C).</param>
public sealed record ScaleUp(string LawName, double ParamsFactor, double TokensFactor);
