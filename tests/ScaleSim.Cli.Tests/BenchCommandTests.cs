using System.Text.Json;

namespace ScaleSim.Cli.Tests;

/// <summary><c>scalesim bench verify</c>, <c>bench concurrent</c> and the device side of <c>bench train</c>, in process, on ILGPU's CPU accelerator.</summary>
public class BenchCommandTests
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ScaleSimApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void VerifyOnIlgpuCpuPassesAndReportsEveryCheck()
    {
        var (code, output, error) = Run("bench", "verify", "--device", "ilgpu-cpu", "--shapes", "tiny", "--checks", "cpu,repeat,matmul", "--json");
        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ilgpu-cpu", root.GetProperty("device").GetString());
        Assert.Equal("ilgpu cpu-accelerator", root.GetProperty("backend").GetString());
        Assert.True(root.GetProperty("passed").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        // four cpu checks, three repeat checks, four matmul cases for each of the two matmul kernels (2×2 and 4×4 per thread)
        Assert.Equal(4 + 3 + 2 * 4, checks.Count);
        Assert.Equal(["cpu", "repeat", "matmul"], checks.Select(c => c.GetProperty("check").GetString()).Distinct());
        Assert.All(checks.Where(c => c.GetProperty("check").GetString() == "cpu"), c => Assert.InRange(c.GetProperty("worst_ratio").GetDouble(), 0, 1));
        Assert.All(checks.Where(c => c.GetProperty("check").GetString() == "repeat"), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("worst_ratio").ValueKind));
    }

    [Fact]
    public void VerifyPrintsATableWithoutJson()
    {
        var (code, output, error) = Run("bench", "verify", "--device", "cpu", "--shapes", "tiny", "--checks", "reference");
        Assert.True(code == 0, error);
        Assert.Contains("3 of 3 checks passed", output);
        Assert.Contains("gradients", output);
    }

    [Fact]
    public void ConcurrentMeasuresEveryCountAndRecommendsOne()
    {
        var (code, output, error) = Run("bench", "concurrent", "--layers", "1", "--d-model", "16", "--heads", "2", "--context", "16", "--vocab", "32",
            "--batch", "2", "--device", "cpu", "--runs", "1,2", "--seconds", "0.2", "--warmup", "0.05", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var measurements = root.GetProperty("measurements").EnumerateArray().ToList();
        Assert.Equal([1, 2], measurements.Select(m => m.GetProperty("runs").GetInt32()));
        Assert.All(measurements, m => Assert.True(m.GetProperty("tokens_per_s").GetDouble() > 0));
        Assert.Equal(1.0, measurements[0].GetProperty("speedup_over_one_run").GetDouble());
        Assert.Contains(root.GetProperty("recommended_runs").GetInt32(), new[] { 1, 2 });
    }

    [Fact]
    public void ConcurrentTakesAnExperimentsMedianRun()
    {
        var (code, output, error) = Run("bench", "concurrent", "--experiment", "tiny-chinchilla", "--device", "cpu", "--runs", "1", "--seconds", "0.1", "--warmup", "0", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.StartsWith("tiny-chinchilla's median run c", json.RootElement.GetProperty("shape_from").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("context").GetInt32());
    }

    [Fact]
    public void TrainOnAnIlgpuDeviceReportsDeviceMemoryAndAGivenPeak()
    {
        var (code, output, error) = Run("bench", "train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "4", "--vocab", "11",
            "--batch", "2", "--device", "ilgpu-cpu", "--warmup", "0", "--seconds", "0.01", "--min-steps", "1", "--peak-gflops", "100", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("ilgpu-cpu", root.GetProperty("device").GetString());
        Assert.True(root.GetProperty("device_memory_mib").GetDouble() >= 0);
        Assert.False(root.TryGetProperty("matmul_peak_gflops_per_s", out _));
        Assert.Equal(100, root.GetProperty("device_peak_gflops_per_s").GetDouble());
        Assert.Equal("given (--peak-gflops)", root.GetProperty("device_peak_source").GetString());
        double share = root.GetProperty("share_of_device_peak").GetProperty("6nd").GetDouble();
        Assert.Equal(root.GetProperty("gflops_per_s").GetProperty("6nd").GetDouble() / 100, share, 3);
    }

    [Theory]
    [InlineData(new[] { "bench", "verify", "--device", "ilgpu-cpu", "--shapes", "huge" }, "--shapes: unknown shape 'huge' (known: tiny, ragged, aligned, bench, wide)")]
    [InlineData(new[] { "bench", "verify", "--device", "ilgpu-cpu", "--checks", "vibes" }, "--checks: unknown check 'vibes'")]
    [InlineData(new[] { "bench", "verify", "--device", "ilgpu-cpu", "--concurrent-runs", "0" }, "--concurrent-runs must be positive, got 0")]
    [InlineData(new[] { "bench", "verify", "--device", "tpu" }, "--device: unknown device 'tpu'")]
    [InlineData(new[] { "bench", "concurrent", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "8", "--vocab", "16", "--runs", "1,0" }, "--runs: '0' is not a positive whole number")]
    [InlineData(new[] { "bench", "concurrent", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "8", "--vocab", "16", "--seconds", "0" }, "--seconds must be positive, got 0")]
    [InlineData(new[] { "bench", "concurrent", "--experiment", "tiny-chinchilla", "--layers", "2" }, "--experiment takes the shape from the experiment; drop --layers")]
    [InlineData(new[] { "bench", "concurrent", "--d-model", "8" }, "--layers is required")]
    [InlineData(new[] { "bench", "train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "8", "--vocab", "16", "--min-steps", "0" }, "--min-steps must be positive, got 0")]
    [InlineData(new[] { "bench", "train", "--layers", "1", "--d-model", "8", "--heads", "2", "--context", "8", "--vocab", "16", "--peak-gflops", "-3" }, "--peak-gflops must be positive, got -3")]
    public void BadInputGetsOneLineAndExitCode2(string[] args, string expected)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 2, $"exit code {code}, stderr: {error}");
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", output);
    }
}
