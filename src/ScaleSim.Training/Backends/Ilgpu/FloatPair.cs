namespace ScaleSim.Training.Backends.Ilgpu;

/// <summary>Two floats returned by one group reduction.</summary>
internal readonly record struct FloatPair(float First, float Second);
