using System.Text.Json;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// A short exclusive lock over a sweep directory's tables, held while runs.csv and curves.csv are rebuilt so that the
/// last rebuild to finish has seen every run completed before it began. The lock is a file created exclusively;
/// a lock older than the stale time (rebuilds take seconds) or whose process is gone from this host is broken by
/// renaming it aside (atomic: one breaker wins) and checking that what was renamed is the lock judged stale, so a lock
/// taken in between is put back rather than lost. docs/cluster.md gives the remaining race and why it is harmless.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly string _path;
    private readonly string _token;
    private bool _released;

    private StoreLock(string path, string token)
    {
        _path = path;
        _token = token;
    }

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, waiting while another process holds it, breaking it when stale;
    /// throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static StoreLock Acquire(string path, ClaimOwner owner, TimeSpan staleAfter, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string token = Guid.NewGuid().ToString("N");
        string text = JsonSerializer.Serialize(new StoreLockRecord(token, owner, DateTimeOffset.UtcNow), RunJson.Options);
        var started = DateTimeOffset.UtcNow;
        int wait = 10;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ClaimFile.TryCreate(path, text)) return new StoreLock(path, token);
            if (BreakIfStale(path, token, staleAfter)) continue;
            if (DateTimeOffset.UtcNow - started > timeout)
                throw new TimeoutException($"{path}: held by {Read(path)?.Owner.ToString() ?? "another process"} for longer than {timeout.TotalSeconds:F0} s");
            // Jittered backoff: rebuilds are short, and many workers finishing together should not retry in step.
            Thread.Sleep(Random.Shared.Next(wait, 2 * wait));
            wait = Math.Min(500, wait * 2);
        }
    }

    /// <summary>Releases the lock when it is still this holder's.</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        if (Read(_path)?.Token == _token) File.Delete(_path);
    }

    private static bool BreakIfStale(string path, string token, TimeSpan staleAfter)
    {
        var record = Read(path);
        DateTimeOffset since;
        try { since = record?.AcquiredAt ?? File.GetLastWriteTimeUtc(path); }
        catch (IOException) { return false; }
        bool stale = DateTimeOffset.UtcNow - since > staleAfter || record?.Owner.IsRunningHere() == false;
        if (!stale) return false;
        string aside = path + ".broken-" + token;
        try
        {
            // rename(2): of breakers racing for one stale lock, one moves it and the others find it gone.
            File.Move(path, aside, overwrite: true);
        }
        catch (IOException)
        {
            // Gone already: released, or broken by someone else. Either way, try to take it.
            return true;
        }
        if (record is not null && Read(aside)?.Token != record.Token)
        {
            // Between reading the stale lock and renaming it, it was broken and taken afresh: put the fresh one back.
            try { File.Move(aside, path, overwrite: false); return false; }
            catch (IOException) { }
        }
        File.Delete(aside);
        return true;
    }

    private static StoreLockRecord? Read(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            return text.Length == 0 ? null : JsonSerializer.Deserialize<StoreLockRecord>(text, RunJson.Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
