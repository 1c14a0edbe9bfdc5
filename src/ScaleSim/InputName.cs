namespace ScaleSim;

/// <summary>
/// The name of a parameter, field or column as the library calls it (<c>tokens</c>, <c>d_model</c>, <c>data</c>), marked
/// inside an <see cref="InputException"/>'s message so that a caller can rename it (<see cref="InputException.Rephrase"/>).
/// </summary>
/// <param name="Name">The name, written as it appears in the message.</param>
public readonly record struct InputName(string Name)
{
    /// <summary>Marks <paramref name="name"/> as a parameter name.</summary>
    public static InputName Of(string name) => new(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
