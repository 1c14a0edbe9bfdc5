using ScaleSim.Analysis;
using ScaleSim.Flops;

namespace ScaleSim.Experiments;

/// <summary>The scaling analysis of a sweep's runs with N counted one way.</summary>
/// <param name="Convention">How N is counted (and C = 6ND with it).</param>
/// <param name="Input">The runs and curves analysed.</param>
/// <param name="Result">What the analysis found.</param>
public sealed record ConventionAnalysis(ParameterConvention Convention, ScalingAnalysisInput Input, ScalingAnalysisResult Result)
{
    /// <summary>The axis label of N in this convention.</summary>
    public string ParamsLabel => Convention == ParameterConvention.NonEmbedding ? "Non-embedding parameters N" : "Parameters N (total)";
}
