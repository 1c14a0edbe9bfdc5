namespace ScaleSim.Tasks.Classification;

/// <summary>The names classes have in JSON and tables: smooth, emergent, inverse, u-shaped, flat.</summary>
public static class CurveClassNames
{
    /// <summary>The class's name.</summary>
    public static string Name(this CurveClass c) => c switch
    {
        CurveClass.Smooth => "smooth",
        CurveClass.Emergent => "emergent",
        CurveClass.Inverse => "inverse",
        CurveClass.UShaped => "u-shaped",
        _ => "flat",
    };

    /// <summary>Every class in a fixed order (for confusion matrices).</summary>
    public static IReadOnlyList<CurveClass> All { get; } = [CurveClass.Smooth, CurveClass.Emergent, CurveClass.Inverse, CurveClass.UShaped, CurveClass.Flat];
}
