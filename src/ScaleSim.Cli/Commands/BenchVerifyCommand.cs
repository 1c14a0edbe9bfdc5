using System.CommandLine;
using System.Globalization;
using ScaleSim.Cli.Output;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Verification;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench verify</c>: the backend unit tests' correctness checks (<see cref="BackendVerification"/>) on any
/// device, from the <c>scalesim</c> binary alone — what a GPU machine without the .NET SDK runs. Exit code 0 when every
/// check passed, <see cref="ChecksFailed"/> when one did.
/// </summary>
internal static class BenchVerifyCommand
{
    /// <summary>Exit code when a check failed (the report says which and by how much).</summary>
    public const int ChecksFailed = 5;

    public static Command Create(CliContext context)
    {
        var device = TrainingOptions.Device();
        var shapes = new Option<string?>("--shapes")
        {
            Description = $"Comma-separated shapes to check at: {string.Join(", ", VerificationShape.All.Select(s => $"{s.Name} ({s.Model}, batch {s.Batch})"))}. Default: tiny,ragged on ilgpu-cpu, all elsewhere.",
        };
        var checks = new Option<string?>("--checks")
        {
            Description = $"Comma-separated checks: {string.Join(", ", VerificationKinds.All.Select(k => k.ToName()))} (default: all).",
        };
        var concurrent = TrainingOptions.Integer("--concurrent-runs", "Backends stepping at once in the concurrent check (default 4).");
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per check");
        var command = new Command("verify", "Check a device's training backend against the reference model, the CPU backend and finite differences; run to run and several runs at once bit-for-bit.")
        {
            device, shapes, checks, concurrent, json, format,
        };

        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            var options = new BackendVerificationOptions
            {
                Device = TrainingDevices.Parse(parse.GetValue(device)!),
                Shapes = parse.GetValue(shapes) is { } s ? VerificationShape.Parse(s) : null,
                Kinds = parse.GetValue(checks) is { } k ? VerificationKinds.Parse(k) : null,
                ConcurrentRuns = parse.GetValue(concurrent) ?? 4,
            };
            var report = BackendVerification.Run(options);
            if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, VerificationJson.ToJson(report));
            else if (outputFormat == OutputFormat.Csv) CsvOutput.WriteRows(context.Out, VerificationJson.ToJson(report)["checks"]!.AsArray().Select(c => c!.AsObject()));
            else
            {
                var table = new Table().Border(TableBorder.Simple)
                    .Title(Markup.Escape($"{report.Backend}: {report.Checks.Count(c => c.Passed)} of {report.Checks.Count} checks passed in {report.Seconds:F1} s"));
                foreach (string column in new[] { "check", "shape", "quantity", "tolerance", "worst / allowed", "passed", "worst element" }) table.AddColumn(column);
                foreach (var c in report.Checks)
                {
                    string ratio = c.WorstRatio is { } r ? r.ToString("G3", CultureInfo.InvariantCulture) : "exact";
                    table.AddRow(Markup.Escape(c.Kind.ToName()), Markup.Escape(c.Shape), Markup.Escape(c.Quantity), Markup.Escape(c.Tolerance),
                        Markup.Escape(ratio), c.Passed ? "yes" : "NO", Markup.Escape(c.Detail));
                }
                context.Console.Write(table);
            }
            return report.Passed ? 0 : ChecksFailed;
        });
        return command;
    }
}
