namespace ScaleSim.Planning;

/// <summary>Well-known models, by name, for <c>scalesim compare</c>.</summary>
public static class ReferenceModels
{
    /// <summary>Gopher: 280B parameters on 300B tokens (Rae et al. 2021; Hoffmann et al. 2022, Table 1).</summary>
    public static ReferenceModel Gopher { get; } = new("gopher", 280e9, 300e9, "Rae et al. 2021; Hoffmann et al. 2022 Table 1");

    /// <summary>Chinchilla: 70B parameters on 1.4T tokens (Hoffmann et al. 2022, Table 1).</summary>
    public static ReferenceModel Chinchilla { get; } = new("chinchilla", 70e9, 1.4e12, "Hoffmann et al. 2022 Table 1");

    /// <summary>GPT-3: 175B parameters on 300B tokens (Brown et al. 2020).</summary>
    public static ReferenceModel Gpt3 { get; } = new("gpt3", 175e9, 300e9, "Brown et al. 2020 Table 2.1");

    /// <summary>Megatron-Turing NLG: 530B parameters on 270B tokens (Smith et al. 2022).</summary>
    public static ReferenceModel MegatronTuring { get; } = new("mt-nlg", 530e9, 270e9, "Smith et al. 2022");

    /// <summary>Llama 2 70B: 70B parameters on 2T tokens (Touvron et al. 2023).</summary>
    public static ReferenceModel Llama2 { get; } = new("llama2-70b", 70e9, 2e12, "Touvron et al. 2023 Table 1");

    /// <summary>Every built-in model.</summary>
    public static IReadOnlyList<ReferenceModel> All { get; } = [Gopher, Chinchilla, Gpt3, MegatronTuring, Llama2];

    /// <summary>Looks a model up by name (case-insensitive); throws <see cref="InputException"/> naming the choices.</summary>
    public static ReferenceModel Get(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException($"unknown model '{name}' (built-in: {string.Join(", ", All.Select(m => m.Name))}; or give NAME:N:D)");

    /// <summary>Parses a built-in name or <c>NAME:N:D</c> (e.g. <c>mine:7e9:1e12</c>).</summary>
    public static ReferenceModel Parse(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length == 1) return Get(spec);
        if (parts.Length != 3 || parts[0].Length == 0)
            throw InputException.About($"{InputName.Of("model")} '{spec}': expected NAME:N:D, e.g. mine:7e9:1e12");
        double Parse(string text, string what)
        {
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v <= 0)
                throw InputException.About($"{InputName.Of("model")} '{spec}': {what} '{text}' must be a positive number");
            return v;
        }
        return new ReferenceModel(parts[0], Parse(parts[1], "N"), Parse(parts[2], "D"), "given on the command line");
    }
}
