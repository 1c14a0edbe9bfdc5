namespace ScaleSim.Training.Sweeps;

/// <summary>
/// An exclusive claim on one run of a sweep, so two sweep processes never train the same run. The lock is an open file
/// with <see cref="FileShare.None"/>, which .NET maps to an advisory flock on Unix: the operating system drops it when
/// the process dies, so a killed sweep leaves no stale lock behind.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>Claims <paramref name="path"/>, or returns null when another process holds it.</summary>
    public static RunLock? TryAcquire(string path)
    {
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Releases the claim.</summary>
    public void Dispose() => _stream.Dispose();
}
