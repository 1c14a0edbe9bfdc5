namespace ScaleSim.Tasks.Curves;

/// <summary>The names selection rules have in options and JSON: auto, aicc, bic, extrapolation.</summary>
public static class SelectionRuleNames
{
    /// <summary>The rule's name.</summary>
    public static string Name(this SelectionRule rule) => rule switch
    {
        SelectionRule.Auto => "auto",
        SelectionRule.Aicc => "aicc",
        SelectionRule.Bic => "bic",
        _ => "extrapolation",
    };

    /// <summary>Parses a rule's name; <paramref name="parameter"/> names what was given in the error.</summary>
    public static SelectionRule Parse(string text, string parameter = "select") => text.ToLowerInvariant() switch
    {
        "auto" => SelectionRule.Auto,
        "aicc" => SelectionRule.Aicc,
        "bic" => SelectionRule.Bic,
        "extrapolation" => SelectionRule.Extrapolation,
        _ => throw InputException.About($"{InputName.Of(parameter)} '{text}' is not a selection rule (choose auto, aicc, bic or extrapolation)"),
    };
}
