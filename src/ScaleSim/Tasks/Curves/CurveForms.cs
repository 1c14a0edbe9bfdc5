namespace ScaleSim.Tasks.Curves;

/// <summary>The curve forms by name, as <c>scalesim tasks fit --form</c> takes them.</summary>
public static class CurveForms
{
    /// <summary>Names accepted by <c>--form</c>; <c>auto</c> fits every form and selects among them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "linear", "sigmoid", "bnsl", "bnsl1", "ushape", "powerlaw", "constant"];

    /// <summary>
    /// The forms a name stands for, simplest first: <c>auto</c> is constant, linear, sigmoid, U-shape and BNSL with one
    /// and two breaks, and for a loss also the power law with an offset; <c>bnsl</c> is BNSL with one and two breaks,
    /// <c>bnsl1</c> with one (the form of Caballero et al.'s released fit).
    /// The sigmoid's floor is the data's chance level. For a loss the sigmoid's levels are free of [0, 1] and the U is
    /// turned over (worse, then better, is up, then down for a loss).
    /// </summary>
    public static IReadOnlyList<ICurveForm> For(string name, CurvePoints data)
    {
        bool loss = data.LogResponse;
        ICurveForm constant = new ConstantForm(), linear = new LinearForm(), powerLaw = new PowerLawForm(),
            sigmoid = loss ? new UnboundedSigmoidForm(data.Floor) : new SigmoidForm(data.Floor),
            ushape = new UShapeForm(inverted: loss), bnsl = new BrokenPowerLawForm(1), bnsl2 = new BrokenPowerLawForm(2);
        IReadOnlyList<ICurveForm> forms = name.ToLowerInvariant() switch
        {
            "auto" when loss => [constant, linear, powerLaw, sigmoid, ushape, bnsl, bnsl2],
            "auto" => [constant, linear, sigmoid, ushape, bnsl, bnsl2],
            "linear" => [linear],
            "sigmoid" => [sigmoid],
            "bnsl" => [bnsl, bnsl2],
            "bnsl1" => [bnsl],
            "ushape" or "u-shape" or "u-shaped" => [ushape],
            "powerlaw" or "power-law" => [powerLaw],
            "constant" => [constant],
            _ => throw InputException.About($"{InputName.Of("form")} '{name}' is not a curve form (choose from {string.Join(", ", Names)})"),
        };
        return forms;
    }

    /// <summary>Whether a form can describe a knee (flat, then a change): the forms an emergent curve must be fitted by.</summary>
    public static bool HasKnee(ICurveForm form) => form is SigmoidForm or UnboundedSigmoidForm or BrokenPowerLawForm;
}
