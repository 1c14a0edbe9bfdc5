using System.Text;
using System.Text.Json;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// Reading and writing claim files. A claim comes into being by an exclusive create — <see cref="FileMode.CreateNew"/>,
/// open(2) with O_CREAT|O_EXCL, which local file systems, NFS v3 and later (an exclusive create with a verifier, so a
/// retransmitted request cannot fail on the file it made itself), Lustre and GPFS perform atomically — never by a test
/// for the file followed by a write or a rename (File.Move without overwrite is such a test and a rename in .NET on
/// Unix, so two movers can both "win"). A reader may find a new claim file empty or partly written for a moment and
/// treats it as a live claim being written. After that only its owner replaces it, by writing a temporary file and
/// renaming it over.
/// </summary>
internal static class ClaimFile
{
    /// <summary>Creates <paramref name="path"/> holding <paramref name="record"/>; false when the file already exists.</summary>
    public static bool TryCreate(string path, ClaimRecord record) => TryCreate(path, Serialize(record));

    /// <summary>Creates <paramref name="path"/> holding <paramref name="text"/>; false when the file already exists.</summary>
    public static bool TryCreate(string path, string text)
    {
        FileStream? stream = null;
        for (int attempt = 0; stream is null; attempt++)
        {
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
            catch (IOException) when (attempt < 3)
            {
                // It existed when the create failed and was gone when looked at (a lock released in between): try again.
            }
        }
        using (stream)
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
        return true;
    }

    /// <summary>Replaces <paramref name="path"/> (the caller's own file) atomically.</summary>
    public static void Replace(string path, ClaimRecord record, string token) =>
        // A temporary name of the owner's own, so no two writers ever share one.
        AtomicFile.WriteAllText(path, Serialize(record), path + ".tmp-" + token);

    /// <summary>The record in <paramref name="path"/>; null when the file is missing, empty or unreadable (being written, or torn by a crash).</summary>
    public static ClaimRecord? Read(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            return text.Length == 0 ? null : JsonSerializer.Deserialize<ClaimRecord>(text, RunJson.Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The claim as JSON.</summary>
    public static string Serialize(ClaimRecord record) => JsonSerializer.Serialize(record, RunJson.Options);
}
