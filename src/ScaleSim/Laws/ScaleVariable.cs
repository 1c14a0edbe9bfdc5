namespace ScaleSim.Laws;

/// <summary>The quantity a one-variable power law depends on.</summary>
public enum ScaleVariable
{
    /// <summary>Parameters N.</summary>
    Params,

    /// <summary>Training tokens D.</summary>
    Tokens,

    /// <summary>Training compute C in FLOPs.</summary>
    Flops,
}
