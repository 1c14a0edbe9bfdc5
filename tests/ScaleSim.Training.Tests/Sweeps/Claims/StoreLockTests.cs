using System.Globalization;
using System.Text.Json;
using ScaleSim.Training.Runs;
using ScaleSim.Training.Sweeps.Claims;

namespace ScaleSim.Training.Tests.Sweeps.Claims;

/// <summary>The tables lock: holders never overlap, a stale lock is broken, a live one is waited for.</summary>
public class StoreLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("store-lock-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void HoldersNeverOverlap()
    {
        string lockPath = Path.Combine(_root, "tables.lock"), counter = Path.Combine(_root, "counter");
        File.WriteAllText(counter, "0");
        int inside = 0, overlaps = 0;
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ =>
        {
            for (int i = 0; i < 25; i++)
            {
                using var held = StoreLock.Acquire(lockPath, ClaimOwner.Current(), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                if (Interlocked.Increment(ref inside) > 1) Interlocked.Increment(ref overlaps);
                // A read-modify-write that loses updates if two holders ever interleave.
                int value = int.Parse(File.ReadAllText(counter), CultureInfo.InvariantCulture);
                Thread.Yield();
                File.WriteAllText(counter, (value + 1).ToString(CultureInfo.InvariantCulture));
                Interlocked.Decrement(ref inside);
            }
        });
        Assert.Equal(0, overlaps);
        Assert.Equal("150", File.ReadAllText(counter));
        Assert.False(File.Exists(lockPath));
    }

    [Fact]
    public void AStaleLockIsBrokenAndALiveOneWaitedFor()
    {
        string lockPath = Path.Combine(_root, "tables.lock");
        var elsewhere = new ClaimOwner("node-9", 7, DateTimeOffset.UtcNow);
        File.WriteAllText(lockPath, JsonSerializer.Serialize(new StoreLockRecord("old", elsewhere, DateTimeOffset.UtcNow.AddMinutes(-3)), RunJson.Options));
        using (StoreLock.Acquire(lockPath, ClaimOwner.Current(), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(5)))
            Assert.DoesNotContain("\"old\"", File.ReadAllText(lockPath));

        File.WriteAllText(lockPath, JsonSerializer.Serialize(new StoreLockRecord("live", elsewhere, DateTimeOffset.UtcNow), RunJson.Options));
        var error = Assert.Throws<TimeoutException>(() => StoreLock.Acquire(lockPath, ClaimOwner.Current(), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(0.3)));
        Assert.Contains("node-9", error.Message);
        Assert.Contains("\"live\"", File.ReadAllText(lockPath));
    }
}
