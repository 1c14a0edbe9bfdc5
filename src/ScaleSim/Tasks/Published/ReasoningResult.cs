namespace ScaleSim.Tasks.Published;

/// <summary>One accuracy of Li et al. (2022), "On the Advance of Making Language Models Better Reasoners", Table 1.</summary>
/// <param name="Model">The model (e.g. code-davinci-002).</param>
/// <param name="Method">The decoding method: Greedy Decode, Self-Consistency or DIVERSE (or fine-tuning for the prior state of the art).</param>
/// <param name="Dataset">The reasoning set (GSM8K, …, CLUTRR).</param>
/// <param name="Accuracy">Accuracy in percent.</param>
public sealed record ReasoningResult(string Model, string Method, string Dataset, double Accuracy);
