using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Flops;
using ScaleSim.Json;
using ScaleSim.Laws;
using ScaleSim.Reconciliation;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim explain …</c>: worked explanations of where published results disagree and why.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var explain = new Command("explain", "Explain a disagreement between published results, reproducing its resolution.");
        explain.Subcommands.Add(KaplanVsChinchilla(context));
        return explain;
    }

    private static Command KaplanVsChinchilla(CliContext context)
    {
        var law = new Option<string>("--law")
        {
            Description = "A Chinchilla law in total parameters: hoffmann, epoch or a law JSON file.",
            DefaultValueFactory = _ => "epoch",
        };
        var vocab = CommonOptions.Number("--vocab", "Vocabulary size of the shape family (default 32000, Pearce & Song's).");
        var aspect = CommonOptions.Number("--aspect-ratio", "d_model/n_layer of the shape family (default 39.2, Pearce & Song's).");
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per line of Pearce & Song's table (Porian et al.'s steps only in the JSON)");
        var figureOptions = new FigureOptions();
        var command = new Command("kaplan-vs-chinchilla",
            "Why Kaplan et al. found N_opt ∝ C^0.73 and Hoffmann et al. C^0.5: Pearce & Song's parameter-convention reconciliation and Porian et al.'s other causes.")
        {
            law, vocab, aspect, json, format,
        };
        figureOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            string lawName = parse.GetValue(law)!;
            var chinchilla = LawFile.Resolve(lawName) as ChinchillaLaw ?? throw new InputException(
                $"--law '{lawName}' is not a Chinchilla law; the reconciliation needs one in total parameters (hoffmann, epoch, or a fitted chinchilla law)");
            var family = new FixedAspectFamily(
                parse.GetValue(vocab) is { } v ? CommonOptions.Positive(v, "--vocab") : FixedAspectFamily.PearceSong.Vocab,
                parse.GetValue(aspect) is { } a ? CommonOptions.Positive(a, "--aspect-ratio") : FixedAspectFamily.PearceSong.AspectRatio);
            var r = KaplanChinchillaReconciliation.Run(lawName, chinchilla, family);

            if (figureOptions.Read(parse) is { } figureTarget)
                foreach (var written in ReconciliationFigures.Write(figureTarget, r)) context.Error.WriteLine($"wrote {written}");
            switch (outputFormat)
            {
                case OutputFormat.Json: JsonOutput.Write(context.Out, ToJson(r)); break;
                case OutputFormat.Csv: WriteCsv(context, r); break;
                default: Render(context, r); break;
            }
            return 0;
        });
        return command;
    }

    private static JsonObject ToJson(KaplanChinchillaReconciliation r)
    {
        var porian = new JsonArray();
        foreach (var step in r.Porian) porian.Add(new JsonObject { ["fix"] = step.Fix, ["exponent"] = step.Exponent });
        return new JsonObject
        {
            ["law"] = r.LawName,
            ["family"] = new JsonObject { ["vocab"] = r.Family.Vocab, ["aspect_ratio"] = r.Family.AspectRatio, ["omega"] = r.Family.Omega },
            ["kaplan_range"] = JsonValues.Pair(r.KaplanRange.Low, r.KaplanRange.High),
            ["large_range"] = JsonValues.Pair(r.LargeRange.Low, r.LargeRange.High),
            ["exponents"] = new JsonObject
            {
                ["non_embedding_kaplan_range"] = r.NonEmbeddingKaplanRange,
                ["total_kaplan_range"] = r.TotalKaplanRange,
                ["non_embedding_large_scale"] = r.NonEmbeddingLargeScale,
                ["total_large_scale"] = r.TotalLargeScale,
            },
            ["local_exponent"] = new JsonObject
            {
                ["small_models"] = r.SmallScaleLimit,
                ["large_models"] = r.LargeScaleLimit,
                ["peak"] = r.PeakLocalExponent.Exponent,
                ["peak_at_non_embedding_params"] = r.PeakLocalExponent.NonEmbedding,
            },
            ["flop_models"] = new JsonObject { ["non_embedding"] = FlopModels.Kaplan.Name, ["total"] = FlopModels.SixN.Name },
            ["porian"] = porian,
        };
    }

    /// <summary>
    /// Pearce &amp; Song's table: the exponent fitted under each parameter convention over Kaplan's compute range and a
    /// large one, named as in the JSON (<c>exponents.non_embedding_kaplan_range</c> is the row non_embedding, kaplan).
    /// </summary>
    private static void WriteCsv(CliContext context, KaplanChinchillaReconciliation r)
    {
        var rows = new (string Parameters, string FlopModel, string Range, (double Low, double High) Flops, double Exponent)[]
        {
            ("non_embedding", FlopModels.Kaplan.Name, "kaplan", r.KaplanRange, r.NonEmbeddingKaplanRange),
            ("total", FlopModels.SixN.Name, "kaplan", r.KaplanRange, r.TotalKaplanRange),
            ("non_embedding", FlopModels.Kaplan.Name, "large", r.LargeRange, r.NonEmbeddingLargeScale),
            ("total", FlopModels.SixN.Name, "large", r.LargeRange, r.TotalLargeScale),
        };
        CsvOutput.Write(context.Out, ["params", "flop_model", "range", "flops_low", "flops_high", "exponent"],
            rows.Select(row => new object?[] { row.Parameters, row.FlopModel, row.Range, row.Flops.Low, row.Flops.High, row.Exponent }));
    }

    private static void Render(CliContext context, KaplanChinchillaReconciliation r)
    {
        static string Range((double Low, double High) range) => $"{range.Low:0e0} to {range.High:0e0}";
        var table = new Table().PlainTitle($"Pearce & Song (2024): the {r.LawName} law read under each parameter convention");
        table.AddColumn("N counted as");
        table.AddColumn("FLOPs");
        table.AddColumn("compute range");
        table.AddColumn(new TableColumn("N_opt ∝ C^a, fitted a").RightAligned());
        table.AddPlainRow("non-embedding (Kaplan)", "6·N_\\E·D (kaplan)", Range(r.KaplanRange), NumberFormat.Fixed(r.NonEmbeddingKaplanRange, 3));
        table.AddPlainRow("total (Chinchilla)", "6·N_T·D (6nd)", Range(r.KaplanRange), NumberFormat.Fixed(r.TotalKaplanRange, 3));
        table.AddPlainRow("non-embedding (Kaplan)", "6·N_\\E·D (kaplan)", Range(r.LargeRange), NumberFormat.Fixed(r.NonEmbeddingLargeScale, 3));
        table.AddPlainRow("total (Chinchilla)", "6·N_T·D (6nd)", Range(r.LargeRange), NumberFormat.Fixed(r.TotalLargeScale, 3));
        context.Console.Write(table);
        context.Console.WriteLine($"Shapes: vocabulary {r.Family.Vocab:G6}, d_model/n_layer = {r.Family.AspectRatio:G4}, so N_T = N_\\E + {r.Family.Omega:F0}·N_\\E^(1/3).");
        context.Console.WriteLine($"Counting non-embedding N, the local exponent of N_opt on C tends to beta/(alpha/3 + beta) = {r.SmallScaleLimit:F3} for tiny models");
        context.Console.WriteLine($"and to beta/(alpha + beta) = {r.LargeScaleLimit:F3} for large ones, peaking at {r.PeakLocalExponent.Exponent:F3} near N_\\E = {NumberFormat.Scale(r.PeakLocalExponent.NonEmbedding)}, where the");
        context.Console.WriteLine("embeddings' share of the parameters falls fastest. Kaplan's range spans that bump, so a fit over it lands near");
        context.Console.WriteLine("their 0.73 although the law, counted in total parameters, says about 0.5.");

        var steps = new Table().PlainTitle("Porian et al. (2024): the other causes, fixed one at a time (RefinedWeb, Figure 1)");
        steps.AddColumn("step");
        steps.AddColumn(new TableColumn("measured a").RightAligned());
        foreach (var step in r.Porian) steps.AddPlainRow(step.Fix, NumberFormat.Fixed(step.Exponent, 3));
        context.Console.Write(steps);
        context.Console.WriteLine("Kaplan et al. 2020 report a = 0.73; Hoffmann et al. 2022 report 0.50 (Approaches 1 and 2) and 0.46 (Approach 3).");
    }
}
