using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Fitting;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench fit</c>: times Hoffmann's full 4500-start Approach-3 fit and a 1000-resample bootstrap on Epoch AI's
/// 240 points after warm-up, optionally beside the SciPy peer in the same run.
/// </summary>
internal static class BenchFitCommand
{
    public static Command Create(CliContext context)
    {
        var repeat = new Option<int>("--repeat") { Description = "Timed repetitions of the grid fit (the minimum is reported).", DefaultValueFactory = _ => 3 };
        var resamples = new Option<int>("--bootstrap") { Description = "Bootstrap resamples to time.", DefaultValueFactory = _ => 1000 };
        var peer = new Option<string?>("--peer") { Description = "Path of scipy_chinchilla_peer.py to run on the same data in the same run." };
        var python = new Option<string>("--python") { Description = "Interpreter for the peer.", DefaultValueFactory = _ => "/usr/bin/python3" };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row, each timed repetition a column");
        var command = new Command("fit", "Time the full Approach-3 grid fit and the bootstrap on Epoch's data (after warm-up).")
        {
            repeat, resamples, peer, python, json, format,
        };
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            int repeats = parse.GetValue(repeat), boots = parse.GetValue(resamples);
            if (repeats < 1) throw new InputException($"--repeat must be at least 1, got {repeats}");
            if (boots < 2) throw new InputException($"--bootstrap must be at least 2, got {boots}");
            var data = FitData.FromRuns(PublishedData.EpochKeptRuns());
            var model = new ChinchillaLseModel();

            // Warm-up: tiered compilation leaves hot loops unoptimised for the first second or so.
            var warm = MultiStartFitter.Fit(model, data, new FitOptions { Starts = ChinchillaLseModel.HoffmannGrid.Take(300).ToList() });
            BootstrapFit.Run(warm, data, 100);

            var times = new List<double>();
            FitResult fit = warm;
            for (int i = 0; i < repeats; i++)
            {
                var watch = Stopwatch.StartNew();
                fit = MultiStartFitter.Fit(model, data);
                times.Add(watch.Elapsed.TotalSeconds);
            }
            var bootWatch = Stopwatch.StartNew();
            BootstrapFit.Run(fit, data, boots);
            double bootSeconds = bootWatch.Elapsed.TotalSeconds;
            double gridSeconds = times.Min();

            PeerResult? peerResult = parse.GetValue(peer) is { } script ? RunPeer(parse.GetValue(python)!, script, context) : null;

            var result = new JsonObject
            {
                ["points"] = data.Count,
                ["starts"] = fit.Starts,
                ["threads"] = Environment.ProcessorCount,
                ["grid_fit_s"] = gridSeconds,
                ["grid_fit_runs_s"] = new JsonArray(times.Select(t => (JsonNode)t).ToArray()),
                ["objective"] = fit.Objective,
                ["converged"] = fit.Converged,
                ["bootstrap_resamples"] = boots,
                ["bootstrap_s"] = bootSeconds,
                ["bootstrap_over_grid"] = bootSeconds / gridSeconds,
            };
            if (peerResult is not null)
            {
                result["peer_grid_fit_s"] = peerResult.Seconds;
                result["peer_objective"] = peerResult.Objective;
                result["speedup_vs_peer"] = peerResult.Seconds / gridSeconds;
            }
            if (outputFormat == OutputFormat.Json) { JsonOutput.Write(context.Out, result); return 0; }
            if (outputFormat == OutputFormat.Csv) { CsvOutput.WriteRows(context.Out, [result]); return 0; }

            var table = new Table().PlainTitle($"Approach-3 fit on {data.Count} points, {fit.Starts} starts, {Environment.ProcessorCount} threads");
            table.AddColumn("measure");
            table.AddColumn(new TableColumn("value").RightAligned());
            table.AddPlainRow("grid fit, wall s (min of " + repeats + ")", gridSeconds.ToString("F3", CultureInfo.InvariantCulture));
            table.AddPlainRow("objective", fit.Objective.ToString("E7", CultureInfo.InvariantCulture));
            table.AddPlainRow($"bootstrap {boots}, wall s", bootSeconds.ToString("F3", CultureInfo.InvariantCulture));
            table.AddPlainRow("bootstrap / grid fit", NumberFormat.Ratio(bootSeconds / gridSeconds));
            if (peerResult is not null)
            {
                table.AddPlainRow("SciPy peer grid fit, wall s", peerResult.Seconds.ToString("F3", CultureInfo.InvariantCulture));
                table.AddPlainRow("SciPy peer objective", peerResult.Objective.ToString("E7", CultureInfo.InvariantCulture));
                table.AddPlainRow("speed-up over the peer", NumberFormat.Ratio(peerResult.Seconds / gridSeconds));
            }
            context.Console.Write(table);
            return 0;
        });
        return command;
    }

    private sealed record PeerResult(double Seconds, double Objective);

    /// <summary>Runs the SciPy peer on the same CSV and reads its "grid_fit_s … obj …" line.</summary>
    private static PeerResult RunPeer(string python, string script, CliContext context)
    {
        if (!File.Exists(script)) throw new InputException($"--peer {script}: file not found");
        string csv = Path.Combine(Path.GetTempPath(), $"scalesim-bench-{Environment.ProcessId}.csv");
        File.WriteAllText(csv, PublishedData.Read(PublishedData.EpochFile));
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(csv);
            // The peer README: these variables tune an old OpenBLAS and slow the peer down.
            start.Environment.Remove("OPENBLAS_CORETYPE");
            start.Environment.Remove("OPENBLAS_L2_SIZE");
            context.Error.WriteLine($"running the peer: {python} {script} (takes about 40 s)");
            using var process = Process.Start(start) ?? throw new InputException($"--python {python}: could not start");
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InputException($"peer exited with {process.ExitCode}: {errors.Split('\n').FirstOrDefault(l => l.Length > 0)}");
            var words = output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            double Field(string name) => double.Parse(words[Array.IndexOf(words, name) + 1], CultureInfo.InvariantCulture);
            return new PeerResult(Field("grid_fit_s"), Field("obj"));
        }
        finally { File.Delete(csv); }
    }
}
