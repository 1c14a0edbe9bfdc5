namespace ScaleSim.Training.Runs;

/// <summary>
/// Writes a file by writing a sibling temporary file, flushing it to disk and renaming it over the target, so a
/// reader (or a crash, or Ctrl-C) only ever sees the old file or the new one.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes. Writers that may run at the same time
    /// (several processes on one sweep directory) pass a <paramref name="temporary"/> name of their own.
    /// </summary>
    public static void Write(string path, Action<Stream> write, string? temporary = null)
    {
        temporary ??= path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Replaces <paramref name="path"/> with UTF-8 <paramref name="text"/> (through <paramref name="temporary"/>, as <see cref="Write"/>).</summary>
    public static void WriteAllText(string path, string text, string? temporary = null) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        }, temporary);
}
