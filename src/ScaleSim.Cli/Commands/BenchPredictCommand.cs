using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ScaleSim.Analysis;
using ScaleSim.Analysis.Synthetic;
using ScaleSim.Cli.Output;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench predict</c>: how well <c>analyze --predict-at</c> extrapolates, measured on many synthetic IsoFLOP
/// sweeps drawn from a known Chinchilla surface (<see cref="PredictionCoverage"/>): each approach's error at a budget
/// beyond the sweep, and how often its 95% interval covers the truth.
/// </summary>
internal static class BenchPredictCommand
{
    public static Command Create(CliContext context)
    {
        var seeds = new Option<int>("--seeds") { Description = "Synthetic sweeps to analyse (seeds 0, 1, …).", DefaultValueFactory = _ => 100 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples per sweep, as analyze.", DefaultValueFactory = _ => 200 };
        var noise = new Option<double>("--noise") { Description = "Noise on each loss, standard deviation in log loss.", DefaultValueFactory = _ => new SyntheticIsoFlopSweep().Noise };
        var factor = new Option<double>("--factor") { Description = "Predict at this multiple of the sweep's largest budget.", DefaultValueFactory = _ => 30 };
        var defaults = new SyntheticIsoFlopSweep();
        var budgets = new Option<int>("--budgets") { Description = "Budgets in the sweep (default 7).", DefaultValueFactory = _ => defaults.Budgets.Count };
        var spacing = new Option<double>("--spacing") { Description = "Ratio between neighbouring budgets, from 1e18 (default √10).", DefaultValueFactory = _ => Math.Sqrt(10) };
        var sizes = new Option<int>("--sizes") { Description = "Sizes per budget.", DefaultValueFactory = _ => defaults.SizesPerBudget };
        var width = new Option<double>("--width") { Description = "Largest over smallest size at each budget.", DefaultValueFactory = _ => defaults.Width };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per approach with both tables' columns");
        var command = new Command("predict", "Measure analyze --predict-at on synthetic sweeps from a known surface: error and interval coverage per approach.")
        {
            seeds, bootstrap, noise, factor, budgets, spacing, sizes, width, json, format,
        };
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            double sigma = parse.GetValue(noise), multiple = parse.GetValue(factor);
            if (!(sigma >= 0 && double.IsFinite(sigma))) throw new InputException($"--noise must be non-negative, got {sigma}");
            if (!(multiple > 0 && double.IsFinite(multiple))) throw new InputException($"--factor must be positive, got {multiple}");
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 2) throw new InputException($"--bootstrap must be at least 2, got {resamples}");
            int count = parse.GetValue(budgets);
            double ratio = parse.GetValue(spacing);
            if (count < 2) throw new InputException($"--budgets must be at least 2, got {count}");
            if (!(ratio > 1 && double.IsFinite(ratio))) throw new InputException($"--spacing must be above 1, got {ratio}");
            var sweep = new SyntheticIsoFlopSweep
            {
                Noise = sigma,
                Budgets = Enumerable.Range(0, count).Select(k => 1e18 * Math.Pow(ratio, k)).ToArray(),
                SizesPerBudget = parse.GetValue(sizes),
                Width = parse.GetValue(width),
            };
            double flops = multiple * sweep.Budgets[^1];
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var results = PredictionCoverage.Run(sweep, flops, parse.GetValue(seeds), new AnalysisOptions { Resamples = resamples });
            double seconds = watch.Elapsed.TotalSeconds;

            var law = sweep.Law;
            string design = $"{sweep.Budgets.Count} budgets {sweep.Budgets[0]:0.0e+00}–{sweep.Budgets[^1]:0.0e+00} ({ratio:0.###}× apart, grouped by compute), {sweep.SizesPerBudget} sizes over {sweep.Width:0.#}× " +
                $"around √(C/120), noise {sigma:0.###} in log loss, surface E {law.E}, A {law.A}, B {law.B}, alpha {law.Alpha}, beta {law.Beta}";
            if (outputFormat != OutputFormat.Table)
            {
                var report = new JsonObject
                {
                    ["design"] = design,
                    ["flops"] = flops,
                    ["true_params"] = sweep.OptimalParams(flops),
                    ["true_tokens"] = sweep.OptimalTokens(flops),
                    ["true_a"] = law.ParamsExponent,
                    ["seconds"] = seconds,
                    ["approaches"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
                    {
                        ["approach"] = r.Approach,
                        ["seeds"] = r.Seeds,
                        ["predicted"] = r.Predicted,
                        ["median_exponent_error"] = r.MedianExponentError,
                        ["max_exponent_error"] = r.MaxExponentError,
                        ["exponent_within_0.02"] = r.ExponentWithin,
                        ["median_params_error"] = r.MedianParamsError,
                        ["median_tokens_error"] = r.MedianTokensError,
                        ["within_10_percent"] = r.WithinTolerance,
                        ["params_coverage"] = r.ParamsCoverage,
                        ["tokens_coverage"] = r.TokensCoverage,
                    }).ToArray()),
                };
                // The approaches alone: the design and the truth they are judged against are one value each.
                if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, report);
                else CsvOutput.WriteRows(context.Out, report["approaches"]!.AsArray().Select(a => a!.AsObject()));
                return 0;
            }
            var exponents = new Table().PlainTitle($"Exponent a of N_opt ∝ C^a on {parse.GetValue(seeds)} synthetic sweeps (true a {law.ParamsExponent:F4})");
            exponents.AddColumn("approach");
            foreach (var h in new[] { "median |a − a_true|", "largest", "within 0.02" }) exponents.AddColumn(new TableColumn(h).RightAligned());
            foreach (var r in results)
                exponents.AddPlainRow(r.Approach, r.MedianExponentError.ToString("F4", CultureInfo.InvariantCulture),
                    r.MaxExponentError.ToString("F4", CultureInfo.InvariantCulture), Percent(r.ExponentWithin));
            context.Console.Write(exponents);
            var table = new Table().PlainTitle($"Prediction at {flops:0.0e+00} FLOPs ({multiple:0.#}× the largest budget; true N_opt {sweep.OptimalParams(flops):0.00e+00}, D_opt {sweep.OptimalTokens(flops):0.00e+00})");
            table.AddColumn("approach");
            foreach (var h in new[] { "predicted", "median |N error|", "median |D error|", "N and D within 10%", "95% CI covers N", "covers D" })
                table.AddColumn(new TableColumn(h).RightAligned());
            foreach (var r in results)
                table.AddPlainRow(r.Approach, $"{r.Predicted}/{r.Seeds}", Percent(r.MedianParamsError), Percent(r.MedianTokensError),
                    Percent(r.WithinTolerance), Percent(r.ParamsCoverage), Percent(r.TokensCoverage));
            context.Console.Write(table);
            context.Console.WriteLine($"sweep: {design}; {seconds:F0} s");
            return 0;
        });
        return command;
    }

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
