namespace ScaleSim.Plotting;

/// <summary>Argument checks shared by the figure's series methods; each throws <see cref="ArgumentException"/> with a plain message.</summary>
internal static class SeriesArguments
{
    public static void RequireData(IReadOnlyList<double>? values, string name, string what)
    {
        if (values is null)
            throw new ArgumentNullException(name, $"{what}: {name} is null.");
        if (values.Count == 0)
            throw new ArgumentException($"{what}: {name} is empty.", name);
    }

    public static void RequireSameLength(IReadOnlyList<double> first, string firstName, IReadOnlyList<double> second, string secondName, string what)
    {
        if (first.Count != second.Count)
            throw new ArgumentException(
                $"{what}: {firstName} has {first.Count} values but {secondName} has {second.Count}; they must pair up one to one.",
                secondName);
    }

    public static string Describe(string kind, string? label) =>
        string.IsNullOrWhiteSpace(label) ? kind : $"{kind} '{label}'";
}
