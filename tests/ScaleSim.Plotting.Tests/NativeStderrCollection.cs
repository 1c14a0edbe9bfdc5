namespace ScaleSim.Plotting.Tests;

/// <summary>
/// Tests that capture the process's stderr with <see cref="NativeStderr"/>: xUnit runs this
/// collection on its own, so no other test writes to stderr (or renders) meanwhile.
/// </summary>
[CollectionDefinition(nameof(NativeStderrCollection), DisableParallelization = true)]
public sealed class NativeStderrCollection;
