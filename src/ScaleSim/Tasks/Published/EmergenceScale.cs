namespace ScaleSim.Tasks.Published;

/// <summary>One row of Wei et al. (2022), "Emergent Abilities of Large Language Models", Table 1.</summary>
/// <param name="Category">few-shot prompting or augmented prompting.</param>
/// <param name="Ability">The ability (task or technique).</param>
/// <param name="Flops">Training FLOPs of the smallest model with the ability.</param>
/// <param name="Params">Its parameters.</param>
/// <param name="Model">Its model family.</param>
/// <param name="Reference">The paper that reported it.</param>
public sealed record EmergenceScale(string Category, string Ability, double Flops, double Params, string Model, string Reference);
