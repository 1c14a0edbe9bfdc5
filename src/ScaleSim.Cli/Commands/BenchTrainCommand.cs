using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Benchmarks;
using ScaleSim.Training.Model;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench train</c>: tokens/s of full training steps after warm-up, judged against the device's float32 peak
/// (the CPU backend's own GEMM peak, measured; a CUDA GPU's from its properties, or <c>--peak-gflops</c>), optionally
/// beside the PyTorch peer (experiments/bench-train/peers/torch_gpt_peer.py) run on the same shape in the same
/// invocation: at 1 and 2 threads on the CPU, with <c>--device cuda</c> (FP32, TF32 off) when ScaleSim ran on CUDA.
/// </summary>
internal static class BenchTrainCommand
{
    public static Command Create(CliContext context)
    {
        var layers = TrainingOptions.Integer("--layers", "Transformer blocks L.");
        var dModel = TrainingOptions.Integer("--d-model", "Residual width d_model.");
        var heads = TrainingOptions.Integer("--heads", "Attention heads.");
        var contextLength = TrainingOptions.Integer("--context", "Sequence length T.");
        var vocab = TrainingOptions.Integer("--vocab", "Vocabulary size V.");
        var batch = TrainingOptions.Integer("--batch", "Sequences per step (default 16).");
        var device = TrainingOptions.Device();
        var threads = TrainingOptions.Threads();
        var seconds = TrainingOptions.Number("--seconds", "Timed seconds (default 3).");
        var warmup = TrainingOptions.Number("--warmup", "Untimed warm-up seconds first (default 2; tiered compilation settles in about a second).");
        var minSteps = TrainingOptions.Integer("--min-steps", "At least this many timed steps (default 10; fewer for a slow device at a large shape).");
        var peakGflops = TrainingOptions.Number("--peak-gflops", "The device's float32 peak in GFLOP/s to judge model FLOP/s against (default: measured on the CPU, from the device's properties on CUDA).");
        var peer = new Option<string?>("--peer") { Description = "Path of torch_gpt_peer.py to run on the same shape in the same run (1 and 2 threads on the CPU; once with --device cuda when ScaleSim ran on CUDA)." };
        var peerSteps = TrainingOptions.Integer("--peer-steps", "Timed steps of each peer run (default 100).");
        var python = new Option<string>("--python") { Description = "Interpreter for the peer.", DefaultValueFactory = _ => "/usr/bin/python3" };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row of the JSON's fields but the list of peer runs");
        var command = new Command("train", "Time training steps (tokens/s, model GFLOP/s, peak memory) after warm-up.")
        {
            layers, dModel, heads, contextLength, vocab, batch, device, threads, seconds, warmup, minSteps, peakGflops, peer, peerSteps, python, json, format,
        };

        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var model = new TinyGpt(
                TrainingOptions.Required(parse.GetValue(layers), "--layers"),
                TrainingOptions.Required(parse.GetValue(dModel), "--d-model"),
                TrainingOptions.Required(parse.GetValue(heads), "--heads"),
                TrainingOptions.Required(parse.GetValue(contextLength), "--context"),
                TrainingOptions.Required(parse.GetValue(vocab), "--vocab"));
            model.Validate();
            int b = parse.GetValue(batch) ?? 16;
            if (b <= 0) throw new InputException($"--batch must be positive, got {b}");
            int t = parse.GetValue(threads) ?? Environment.ProcessorCount;
            if (t <= 0) throw new InputException($"--threads must be positive, got {t}");
            double s = parse.GetValue(seconds) ?? 3;
            if (!(s > 0) || !double.IsFinite(s)) throw new InputException($"--seconds must be positive, got {s}");
            double w = parse.GetValue(warmup) ?? 2;
            if (!(w >= 0) || !double.IsFinite(w)) throw new InputException($"--warmup must be non-negative, got {w}");
            int ms = parse.GetValue(minSteps) ?? 10;
            if (ms <= 0) throw new InputException($"--min-steps must be positive, got {ms}");
            double? givenPeak = parse.GetValue(peakGflops);
            if (givenPeak is { } gp && !(gp > 0 && double.IsFinite(gp))) throw new InputException($"--peak-gflops must be positive, got {gp}");
            int ps = parse.GetValue(peerSteps) ?? 100;
            if (ps <= 0) throw new InputException($"--peer-steps must be positive, got {ps}");
            var deviceKind = TrainingDevices.Parse(parse.GetValue(device)!);
            string? script = parse.GetValue(peer);
            if (script is not null && !File.Exists(script)) throw new InputException($"--peer {script}: file not found");

            var result = TrainingBenchmark.Run(new TrainingBenchmarkOptions(model, b, deviceKind, t, WarmupSeconds: w, Seconds: s, MinSteps: ms));
            bool onCpu = result.Device == TrainingDevice.Cpu;
            // The CPU backend is judged against its own measured GEMM peak; a GPU against its float32 peak.
            double? matmulPeak = onCpu ? MatmulBenchmark.PeakGflops(t, seconds: Math.Min(1.0, s)) : null;
            var devicePeak = givenPeak is { } g ? new DevicePeak(g, "given (--peak-gflops)") : DevicePeak.Fp32(result.Device);
            bool onCuda = result.Device == TrainingDevice.Cuda;
            var peers = new List<PeerResult>();
            if (script is not null)
            {
                // On a GPU the peer runs on the GPU too (its thread count is then irrelevant).
                foreach (int peerThreads in onCuda ? [1] : new[] { 1, 2 })
                    peers.Add(RunPeer(parse.GetValue(python)!, script, model, b, ps, peerThreads, onCuda ? "cuda" : "cpu", context));
            }
            var best = peers.OrderByDescending(p => p.TokensPerSecond).FirstOrDefault();

            var report = new JsonObject
            {
                ["layers"] = model.Layers,
                ["d_model"] = model.DModel,
                ["heads"] = model.Heads,
                ["context"] = model.Context,
                ["vocab"] = model.Vocab,
                ["batch"] = b,
                ["params"] = result.Parameters,
                ["non_embedding_params"] = result.NonEmbeddingParameters,
                ["backend"] = result.Backend,
                ["device"] = result.Device.ToName(),
                ["threads"] = t,
                ["steps"] = result.Steps,
                ["tokens_per_s"] = Math.Round(result.TokensPerSecond, 1),
                ["step_ms"] = Math.Round(result.StepMilliseconds, 3),
                ["gflops_per_s"] = new JsonObject(result.GflopsPerSecond.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 2)))),
                ["peak_working_set_mib"] = Math.Round(result.PeakWorkingSetBytes / 1048576.0, 1),
            };
            if (result.DeviceBytes is { } bytes) report["device_memory_mib"] = Math.Round(bytes / 1048576.0, 1);
            if (matmulPeak is { } mp)
            {
                report["matmul_peak_gflops_per_s"] = Math.Round(mp, 1);
                report["share_of_matmul_peak_6nd"] = Math.Round(result.GflopsPerSecond["6nd"] / mp, 3);
            }
            if (devicePeak is not null)
            {
                report["device_peak_gflops_per_s"] = Math.Round(devicePeak.Gflops, 1);
                report["device_peak_source"] = devicePeak.Source;
                report["share_of_device_peak"] = new JsonObject(result.GflopsPerSecond.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value / devicePeak.Gflops, 4))));
            }
            if (best is not null)
            {
                report["peer"] = new JsonArray(peers.Select(p => (JsonNode)new JsonObject
                {
                    ["device"] = p.Device, ["threads"] = p.Threads, ["params"] = p.Parameters, ["tokens_per_s"] = p.TokensPerSecond,
                }).ToArray());
                report["peer_best_tokens_per_s"] = best.TokensPerSecond;
                report["speedup_vs_peer"] = Math.Round(result.TokensPerSecond / best.TokensPerSecond, 3);
            }
            if (outputFormat == OutputFormat.Json)
            {
                context.Out.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            if (outputFormat == OutputFormat.Csv)
            {
                CsvOutput.WriteRows(context.Out, [report]);
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"training step, {model}, batch {b}"));
            table.AddColumn("measure");
            table.AddColumn(new TableColumn("value").RightAligned());
            void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
            Row("params", result.Parameters.ToString(CultureInfo.InvariantCulture));
            Row("backend", result.Backend);
            Row("tokens_per_s", result.TokensPerSecond.ToString("F0", CultureInfo.InvariantCulture));
            Row("step ms", result.StepMilliseconds.ToString("F2", CultureInfo.InvariantCulture));
            foreach (var (name, value) in result.GflopsPerSecond) Row($"GFLOP/s ({name})", value.ToString("F1", CultureInfo.InvariantCulture));
            Row("peak working set, MiB", (result.PeakWorkingSetBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture));
            if (result.DeviceBytes is { } held) Row("device memory, MiB", (held / 1048576.0).ToString("F0", CultureInfo.InvariantCulture));
            if (matmulPeak is { } peak)
            {
                Row($"matmul peak (512³ GEMM, {t} thread(s)), GFLOP/s", peak.ToString("F1", CultureInfo.InvariantCulture));
                Row("share of matmul peak (6nd)", (result.GflopsPerSecond["6nd"] / peak).ToString("P0", CultureInfo.InvariantCulture));
            }
            if (devicePeak is not null)
            {
                Row($"device float32 peak, GFLOP/s ({devicePeak.Source})", devicePeak.Gflops.ToString("F0", CultureInfo.InvariantCulture));
                Row("share of device peak (6nd)", (result.GflopsPerSecond["6nd"] / devicePeak.Gflops).ToString("P1", CultureInfo.InvariantCulture));
            }
            foreach (var p in peers) Row($"PyTorch peer on {p.Device}, {p.Threads} thread(s), tokens/s", p.TokensPerSecond.ToString("F0", CultureInfo.InvariantCulture));
            if (best is not null) Row("speed-up over the peer's best", (result.TokensPerSecond / best.TokensPerSecond).ToString("F2", CultureInfo.InvariantCulture) + "×");
            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    private sealed record PeerResult(string Device, int Threads, long Parameters, double TokensPerSecond);

    /// <summary>Runs the PyTorch peer and reads its "params N tokens/s X step_ms Y" line.</summary>
    private static PeerResult RunPeer(string python, string script, TinyGpt model, int batch, int steps, int threads, string device, CliContext context)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in new[]
                 {
                     ("--layers", model.Layers), ("--dmodel", model.DModel), ("--heads", model.Heads), ("--ctx", model.Context),
                     ("--vocab", model.Vocab), ("--batch", batch), ("--steps", steps), ("--threads", threads),
                 })
        {
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }
        start.ArgumentList.Add("--device");
        start.ArgumentList.Add(device);
        // The peer README: these variables tune an old OpenBLAS and slow the peer down.
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        context.Error.WriteLine($"running the peer: {python} {script} --threads {threads} --device {device}");
        using var process = Process.Start(start) ?? throw new InputException($"--python {python}: could not start");
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InputException($"peer exited with {process.ExitCode}: {errors.Split('\n').LastOrDefault(l => l.Length > 0)}");
        var words = output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        double Field(string name) => double.Parse(words[Array.IndexOf(words, name) + 1], CultureInfo.InvariantCulture);
        return new PeerResult(device, threads, (long)Field("params"), Field("tokens/s"));
    }
}
