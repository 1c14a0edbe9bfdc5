using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Flops;
using ScaleSim.Laws;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim predict</c>: the loss any law ScaleSim knows predicts for a model, published or fitted.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var law = new Option<string>("--law") { Description = "Published law name or a law JSON file from 'scalesim fit --out'.", Required = true };
        var parameters = CommonOptions.Quantity("--params", "Parameters N (active parameters for MoE laws; the dense base model for moe-routed).");
        var tokens = CommonOptions.Quantity("--tokens", "Training tokens D (every token seen, repeats included).");
        var unique = CommonOptions.Quantity("--unique-tokens", "Unique tokens U (data-constrained laws); at or above D means no repetition.");
        var experts = CommonOptions.Number("--experts", "Experts E (moe-routed laws; for moe-fine-grained, the expansion rate, which its loss does not depend on).");
        var granularity = CommonOptions.Number("--granularity", "Granularity G (moe-fine-grained laws; default 1).");
        var convention = new Option<string?>("--params-convention")
        {
            Description = "How --params is counted: total or non-embedding. Converted to the law's own convention with Pearce & Song's shape family.",
        };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format();
        var command = new Command("predict", "Predict the loss of a model under a published or fitted law.")
        {
            law, parameters, tokens, unique, experts, granularity, convention, json, format,
        };
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            string lawName = parse.GetValue(law)!;
            var resolved = LawFile.Resolve(lawName);
            var published = PublishedLaws.Find(lawName);
            var lawConvention = published?.ParamsConvention ?? ParameterConvention.Total;
            var point = Point(resolved, parse.GetValue(parameters), parse.GetValue(tokens), parse.GetValue(unique), parse.GetValue(experts), parse.GetValue(granularity));

            double? givenParams = parse.GetValue(parameters);
            var givenConvention = parse.GetValue(convention) is { } text ? ParameterConventions.Parse(text) : lawConvention;
            if (givenParams.HasValue && givenConvention != lawConvention)
            {
                double converted = FixedAspectFamily.PearceSong.Convert(point.Params, givenConvention, lawConvention);
                point = point with { Params = converted, Flops = 6.0 * converted * point.Tokens };
            }
            double loss = resolved.Loss(point);

            var result = new JsonObject { ["law"] = lawName, ["kind"] = resolved.Kind, ["loss"] = loss };
            if (givenParams.HasValue)
            {
                result["params"] = point.Params;
                result["params_convention"] = lawConvention.Name();
                if (givenConvention != lawConvention) result["params_given"] = new JsonObject { ["value"] = givenParams.Value, ["convention"] = givenConvention.Name() };
            }
            if (double.IsFinite(point.Tokens)) result["tokens"] = point.Tokens;
            if (double.IsFinite(point.Flops)) result["flops"] = point.Flops;
            if (point.UniqueTokens is { } u) result["unique_tokens"] = u;
            if (point.Experts is { } e) result["experts"] = e;
            if (point.Granularity is { } g) result["granularity"] = g;
            AddDetails(result, resolved, point);

            if (outputFormat == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, result);
                return 0;
            }
            if (outputFormat == OutputFormat.Csv)
            {
                CsvOutput.WriteRows(context.Out, [result]);
                return 0;
            }
            var table = new Table().PlainTitle($"prediction under {lawName} ({resolved.Kind})");
            table.AddColumn("quantity");
            table.AddColumn(new TableColumn("value").RightAligned());
            foreach (var (key, value) in result)
            {
                if (value is JsonValue v && v.TryGetValue<double>(out double number))
                    table.AddPlainRow(key, key is "loss" ? NumberFormat.Fixed(number) : NumberFormat.General(number));
                else if (value is JsonValue s && s.TryGetValue<string>(out string? str) && key != "law")
                    table.AddPlainRow(key, str);
                else if (value is JsonObject given)
                    table.AddPlainRow("params as given", $"{NumberFormat.General(given["value"]!.GetValue<double>())} ({given["convention"]})");
            }
            context.Console.Write(table);
            if (published is not null) context.Console.WriteLine($"{published.Citation}; {published.Convention}");
            return 0;
        });
        return command;
    }

    /// <summary>The point the law needs, refusing options the law does not use and demanding the ones it does.</summary>
    private static ScalePoint Point(ILossLaw law, double? parameters, double? tokens, double? unique, double? experts, double? granularity)
    {
        bool needsParams = law is not KaplanPowerLaw { Variable: ScaleVariable.Tokens };
        bool needsTokens = law is not RoutedLaw && law is not KaplanPowerLaw { Variable: ScaleVariable.Params };
        if (needsParams && !parameters.HasValue) throw new InputException($"law {law.Kind} needs --params N");
        if (needsTokens && !tokens.HasValue) throw new InputException($"law {law.Kind} needs --tokens D");
        if (unique.HasValue && law is not DataConstrainedLaw)
            throw new InputException($"--unique-tokens applies to data-constrained laws (muennighoff, or 'fit --law data-constrained'), not {law.Kind}");
        if (experts.HasValue && law is not (RoutedLaw or FineGrainedMoeLaw))
            throw new InputException($"--experts applies to mixture-of-experts laws ({RoutedLaw.KindName}, {FineGrainedMoeLaw.KindName} law files), not {law.Kind}");
        if (granularity.HasValue && law is not FineGrainedMoeLaw)
            throw new InputException($"--granularity applies to {FineGrainedMoeLaw.KindName} laws, not {law.Kind}");
        if (law is RoutedLaw && !experts.HasValue) throw new InputException($"law {law.Kind} needs --experts E (1 for the dense model)");

        double n = parameters.HasValue ? CommonOptions.Positive(parameters, "--params") : double.NaN;
        double d = tokens.HasValue ? CommonOptions.Positive(tokens, "--tokens") : double.NaN;
        var point = new ScalePoint(n, d, 6.0 * n * d)
        {
            UniqueTokens = unique.HasValue ? CommonOptions.Positive(unique, "--unique-tokens") : null,
            Experts = experts.HasValue ? CommonOptions.Positive(experts, "--experts") : null,
            Granularity = granularity.HasValue ? CommonOptions.Positive(granularity, "--granularity") : null,
        };
        if (point.Experts is < 1) throw new InputException($"--experts must be at least 1, got {point.Experts}");
        if (point.Granularity is < 1) throw new InputException($"--granularity must be at least 1, got {point.Granularity}");
        return point;
    }

    private static void AddDetails(JsonObject result, ILossLaw law, ScalePoint point)
    {
        switch (law)
        {
            case DataConstrainedLaw dc:
                var t = dc.Terms(point.Params, point.Tokens, point.UniqueTokens);
                result["epochs"] = t.Epochs;
                result["effective_tokens"] = t.EffectiveTokens;
                result["effective_params"] = t.EffectiveParams;
                break;
            case RoutedLaw routed:
                result["effective_params"] = routed.EffectiveParams(point.Params, point.Experts ?? 1);
                break;
        }
    }
}
