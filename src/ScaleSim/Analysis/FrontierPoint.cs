namespace ScaleSim.Analysis;

/// <summary>A compute-optimal point read off the data: at budget C, the best size N and its tokens D and loss.</summary>
public sealed record FrontierPoint(double Flops, double Params, double Tokens, double Loss);
