using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Experiments;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Benchmarks;
using ScaleSim.Training.Model;
using ScaleSim.Training.Sweeps;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench concurrent</c>: aggregate tokens/s of K runs training at once on one device, for each K, at one
/// shape (given, or an experiment's median run): how many runs of a sweep to train at once (<c>--parallel</c>).
/// </summary>
internal static class BenchConcurrentCommand
{
    public static Command Create(CliContext context)
    {
        var experiment = new Option<string?>("--experiment") { Description = "Take the shape and batch of this experiment's median run (by FLOPs)." };
        var layers = TrainingOptions.Integer("--layers", "Transformer blocks L (instead of --experiment).");
        var dModel = TrainingOptions.Integer("--d-model", "Residual width d_model.");
        var heads = TrainingOptions.Integer("--heads", "Attention heads.");
        var contextLength = TrainingOptions.Integer("--context", "Sequence length T.");
        var vocab = TrainingOptions.Integer("--vocab", "Vocabulary size V.");
        var batch = TrainingOptions.Integer("--batch", "Sequences per step (default 16, or the experiment run's).");
        var device = TrainingOptions.Device();
        var runs = new Option<string>("--runs") { Description = "Comma-separated numbers of runs at once to measure (default 1,2,4,8).", DefaultValueFactory = _ => "1,2,4,8" };
        var seconds = TrainingOptions.Number("--seconds", "Timed seconds for each count (default 3).");
        var warmup = TrainingOptions.Number("--warmup", "Untimed warm-up seconds of every run first (default 1).");
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per number of runs at once");
        var command = new Command("concurrent", "Time K runs training at once on one device, for each K: how many runs of a sweep to train at once.")
        {
            experiment, layers, dModel, heads, contextLength, vocab, batch, device, runs, seconds, warmup, json, format,
        };

        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            TinyGpt model;
            int b;
            string shapeSource;
            if (parse.GetValue(experiment) is { } name)
            {
                foreach (var shapeOption in new[] { layers, dModel, heads, contextLength, vocab })
                    if (parse.GetValue(shapeOption) is not null) throw new InputException($"--experiment takes the shape from the experiment; drop {shapeOption.Name}");
                var plan = SweepPlanner.Plan(ExperimentCatalog.Resolve(name));
                // The points of the experiment, not the warmup-stable-decay stems they branch from (same shapes and batches).
                var points = plan.Runs.Where(r => r.Role != ScaleSim.Training.Sweeps.RunRole.Stem).ToList();
                var median = points.OrderBy(r => r.Flops).ElementAt(points.Count / 2);
                model = median.Model;
                b = parse.GetValue(batch) ?? median.Batch;
                shapeSource = $"{plan.Experiment.Name}'s median run {median.Id}";
            }
            else
            {
                model = new TinyGpt(
                    TrainingOptions.Required(parse.GetValue(layers), "--layers"),
                    TrainingOptions.Required(parse.GetValue(dModel), "--d-model"),
                    TrainingOptions.Required(parse.GetValue(heads), "--heads"),
                    TrainingOptions.Required(parse.GetValue(contextLength), "--context"),
                    TrainingOptions.Required(parse.GetValue(vocab), "--vocab"));
                b = parse.GetValue(batch) ?? 16;
                shapeSource = "given";
            }
            var counts = new List<int>();
            foreach (string text in parse.GetValue(runs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k <= 0)
                    throw new InputException($"--runs: '{text}' is not a positive whole number");
                counts.Add(k);
            }
            var options = new ConcurrentTrainingOptions(model, b, TrainingDevices.Parse(parse.GetValue(device)!), counts,
                WarmupSeconds: parse.GetValue(warmup) ?? 1, Seconds: parse.GetValue(seconds) ?? 3);
            var result = ConcurrentTrainingBenchmark.Run(options);

            if (outputFormat != OutputFormat.Table)
            {
                var report = new JsonObject
                {
                    ["backend"] = result.Backend,
                    ["shape_from"] = shapeSource,
                    ["layers"] = model.Layers,
                    ["d_model"] = model.DModel,
                    ["heads"] = model.Heads,
                    ["context"] = model.Context,
                    ["vocab"] = model.Vocab,
                    ["batch"] = b,
                    ["params"] = model.Parameters,
                    ["recommended_runs"] = result.RecommendedRuns,
                    ["measurements"] = new JsonArray(result.Measurements.Select(m => (JsonNode?)new JsonObject
                    {
                        ["runs"] = m.Runs,
                        ["tokens_per_s"] = Math.Round(m.TokensPerSecond, 1),
                        ["slowest_run_tokens_per_s"] = Math.Round(m.SlowestRunTokensPerSecond, 1),
                        ["speedup_over_one_run"] = Math.Round(m.SpeedupOverOneRun, 3),
                        ["steps"] = m.Steps,
                        ["seconds"] = Math.Round(m.Seconds, 3),
                    }).ToArray()),
                };
                if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, report);
                else CsvOutput.WriteRows(context.Out, report["measurements"]!.AsArray().Select(m => m!.AsObject()));
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{result.Backend}: {model}, batch {b} ({shapeSource})"));
            foreach (string column in new[] { "runs at once", "tokens/s, all", "slowest run, tokens/s", "speed-up over one run", "steps" })
                table.AddColumn(new TableColumn(column).RightAligned());
            foreach (var m in result.Measurements)
            {
                table.AddRow(m.Runs.ToString(CultureInfo.InvariantCulture), m.TokensPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                    m.SlowestRunTokensPerSecond.ToString("F0", CultureInfo.InvariantCulture), m.SpeedupOverOneRun.ToString("F2", CultureInfo.InvariantCulture) + "×",
                    m.Steps.ToString(CultureInfo.InvariantCulture));
            }
            context.Console.Write(table);
            context.Console.WriteLine($"recommended runs at once: {result.RecommendedRuns} (the fewest within 10% of the best)");
            return 0;
        });
        return command;
    }
}
