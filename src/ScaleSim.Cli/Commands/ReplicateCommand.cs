using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Cli.Reports;
using ScaleSim.Json;
using ScaleSim.Replication;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim replicate chinchilla</c>: Approach 3 on Epoch's reconstruction, with a report and figures.</summary>
internal static class ReplicateCommand
{
    public static Command Create(CliContext context)
    {
        var replicate = new Command("replicate", "Replicate a published scaling study from its data.");
        var output = new Option<string>("--out") { Description = "Directory for report.md.", DefaultValueFactory = _ => Path.Combine("experiments", "chinchilla-replication") };
        var plot = new Option<string?>("--plot") { Description = "Directory for the figures (default: OUT/figures)." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per parameter of the first table, Approach 3's refit beside Epoch AI's and the paper's values");
        var figureOptions = new FigureOptions(directory: plot);
        var chinchilla = new Command("chinchilla", "Fit Hoffmann et al.'s Approach 3 to Epoch AI's 240 reconstructed runs; compare with the paper, Epoch, Kaplan; Gopher vs Chinchilla.")
        {
            output, bootstrap, seed, json, format,
        };
        figureOptions.AddTo(chinchilla);
        chinchilla.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            int resamples = parse.GetValue(bootstrap);
            if (resamples < 2) throw new InputException($"--bootstrap must be at least 2, got {resamples}");
            string outDir = parse.GetValue(output)!;
            string figureDir = parse.GetValue(plot) ?? Path.Combine(outDir, "figures");

            var result = ChinchillaReplication.Run(PublishedData.EpochKeptRuns(), PublishedData.TableA3Approach3(), resamples, parse.GetValue(seed));
            var figures = ReplicationFigures.Write(new FigureTarget(figureDir, figureOptions.Output(parse)), result);
            Directory.CreateDirectory(outDir);
            string relativeFigures = Path.GetRelativePath(outDir, figureDir).Replace('\\', '/');
            string reportPath = Path.Combine(outDir, "report.md");
            File.WriteAllText(reportPath, ChinchillaReplicationReport.Render(result, figures, relativeFigures));

            if (outputFormat == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, ToJson(result));
                return 0;
            }
            if (outputFormat == OutputFormat.Csv)
            {
                WriteCsv(context, result);
                return 0;
            }
            Render(context, result);
            context.Console.WriteLine($"report: {reportPath}; figures: {figureDir}/{{{string.Join(",", figures.Select(f => f.File))}}}.{{{string.Join(",", figureOptions.Output(parse).Formats.Select(f => f.ToString().ToLowerInvariant()).Append("csv"))}}}");
            return 0;
        });
        replicate.Subcommands.Add(chinchilla);
        return replicate;
    }

    private static JsonObject ToJson(ChinchillaReplication r)
    {
        var json = new JsonObject { ["fit"] = FitResultJson.ToJson(r.Fit, r.Bootstrap, r.Runs.Source) };
        foreach (var name in new[] { "gopher", "chinchilla" })
        {
            var rows = r.GopherVsChinchilla.Where(c => c.Model.Name == name).ToList();
            var loss = new JsonObject();
            foreach (var row in rows) loss[row.LawName] = row.Loss;
            json[name] = new JsonObject { ["params"] = rows[0].Model.Params, ["tokens"] = rows[0].Model.Tokens, ["flops"] = rows[0].Model.Flops, ["loss"] = loss };
        }
        var scaleUp = new JsonObject();
        foreach (var s in r.TenfoldScaleUp) scaleUp[s.LawName] = new JsonObject { ["params"] = s.ParamsFactor, ["tokens"] = s.TokensFactor };
        json["tenfold_compute"] = scaleUp;
        return json;
    }

    /// <summary>The first table's rows; the Gopher-against-Chinchilla losses and the tenfold scale-up are in the JSON.</summary>
    private static void WriteCsv(CliContext context, ChinchillaReplication r)
    {
        var epoch = Laws.PublishedLaws.Epoch.Law;
        var paper = Laws.PublishedLaws.Hoffmann.Law;
        CsvOutput.Write(context.Out, ["parameter", "estimate", "ci95_low", "ci95_high", "standard_error", "epoch", "hoffmann"],
            r.Bootstrap.Intervals.Take(r.Fit.Law.ParameterNames.Count).Select((interval, i) => new object?[]
            {
                interval.Name, interval.Estimate, interval.Low, interval.High, interval.StandardError, epoch.ParameterValues[i], paper.ParameterValues[i],
            }));
    }

    private static void Render(CliContext context, ChinchillaReplication r)
    {
        var table = new Table().PlainTitle($"Approach 3 on {r.Runs.Count} reconstructed Chinchilla runs ({r.Bootstrap.Resamples} bootstrap resamples)");
        table.AddColumn("parameter");
        table.AddColumn(new TableColumn("refit").RightAligned());
        table.AddColumn(new TableColumn("95% interval").RightAligned());
        table.AddColumn(new TableColumn("Epoch AI").RightAligned());
        table.AddColumn(new TableColumn("Hoffmann et al.").RightAligned());
        var epoch = Laws.PublishedLaws.Epoch.Law;
        var paper = Laws.PublishedLaws.Hoffmann.Law;
        for (int i = 0; i < r.Fit.Law.ParameterNames.Count; i++)
        {
            var interval = r.Bootstrap.Intervals[i];
            table.AddPlainRow(interval.Name, NumberFormat.General(interval.Estimate), $"[{NumberFormat.General(interval.Low)}, {NumberFormat.General(interval.High)}]",
                NumberFormat.General(epoch.ParameterValues[i]), NumberFormat.General(paper.ParameterValues[i]));
        }
        context.Console.Write(table);
        context.Console.WriteLine($"objective {r.Fit.Objective:E6} (SciPy peer: 1.018274E-003), converged: {(r.Fit.Converged ? "yes" : "no")}; a = {r.Bootstrap["a"].Estimate:F3} [{r.Bootstrap["a"].Low:F3}, {r.Bootstrap["a"].High:F3}]");

        var models = new Table().PlainTitle("Gopher (280B, 300B tokens) against Chinchilla (70B, 1.4T tokens)");
        models.AddColumn("law");
        models.AddColumn(new TableColumn("Gopher loss").RightAligned());
        models.AddColumn(new TableColumn("Chinchilla loss").RightAligned());
        models.AddColumn("better");
        foreach (var law in r.Laws)
        {
            double g = r.GopherVsChinchilla.Single(c => c.Model.Name == "gopher" && c.LawName == law.Name).Loss;
            double c = r.GopherVsChinchilla.Single(c => c.Model.Name == "chinchilla" && c.LawName == law.Name).Loss;
            models.AddPlainRow(law.Name, NumberFormat.Fixed(g), NumberFormat.Fixed(c), c < g ? "Chinchilla" : "Gopher");
        }
        context.Console.Write(models);
        var scale = new Table().PlainTitle("10× compute buys");
        scale.AddColumn("law");
        scale.AddColumn(new TableColumn("parameters").RightAligned());
        scale.AddColumn(new TableColumn("tokens").RightAligned());
        foreach (var s in r.TenfoldScaleUp) scale.AddPlainRow(s.LawName, NumberFormat.Ratio(s.ParamsFactor), NumberFormat.Ratio(s.TokensFactor));
        context.Console.Write(scale);
    }
}
