using System.Text.Json.Nodes;
using ScaleSim.Cli.Figures;
using ScaleSim.Cli.Output;
using ScaleSim.Laws;
using ScaleSim.Planning;
using Spectre.Console;

namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary><c>scalesim plan --flops C --overhead</c>: what smaller-than-optimal models cost to reach the same loss (de Vries 2023).</summary>
internal static class OverheadPlanMode
{
    public static int Run(CliContext context, PlanRequest request)
    {
        string lawName = request.Law ?? "epoch";
        var overhead = new SmallModelOverhead(ComputePlanner.For(LawFile.Resolve(lawName)).Law);
        double flops = request.RequireFlops("--overhead");
        var optimal = overhead.ComputeOptimal(flops);
        var rows = overhead.At(flops, SmallModelOverhead.DefaultFractions);
        double critical = overhead.CriticalSizeFraction(flops);

        if (request.Figures is { } figureTarget)
            context.Error.WriteLine($"wrote {OverheadFigures.Write(figureTarget, overhead, flops, lawName)}");
        if (request.Json)
        {
            var json = new JsonObject
            {
                ["law"] = lawName,
                ["flops"] = flops,
                ["compute_optimal"] = AllocationJson.ToJson(optimal),
                ["critical_size_fraction"] = critical,
                ["params_convention"] = "total",
                ["flop_model"] = "6nd",
            };
            var array = new JsonArray();
            foreach (var r in rows)
            {
                array.Add(new JsonObject
                {
                    ["size_fraction"] = r.SizeFraction,
                    ["params"] = r.Params,
                    ["tokens"] = r.Reachable ? r.Tokens : null,
                    ["flops"] = r.Reachable ? r.Flops : null,
                    ["overhead"] = r.Reachable ? r.Overhead : null,
                });
            }
            json["rows"] = array;
            JsonOutput.Write(context.Out, json);
            return 0;
        }

        var table = new Table().PlainTitle($"smaller models reaching loss {optimal.Loss:F4} (compute-optimal at {NumberFormat.Scale(flops)} FLOPs) under {lawName}");
        foreach (var header in new[] { "N/N_opt", "N_opt/N", "params N", "tokens D", "tokens/param", "FLOPs", "extra compute" })
            table.AddColumn(new TableColumn(header).RightAligned());
        foreach (var r in rows)
        {
            table.AddPlainRow(NumberFormat.Fixed(r.SizeFraction, 2), NumberFormat.Ratio(r.Shrink), NumberFormat.Count(r.Params),
                r.Reachable ? NumberFormat.Count(r.Tokens) : "never", r.Reachable ? NumberFormat.Fixed(r.Tokens / r.Params, 0) : "-",
                r.Reachable ? NumberFormat.Scale(r.Flops) : "-", r.Reachable ? $"{Math.Max(0, r.Overhead):P1}" : "unreachable");
        }
        context.Console.Write(table);
        context.Console.WriteLine($"critical size: {critical:P1} of N_opt; no amount of data lets a smaller model reach this loss (de Vries 2023)");
        context.Console.WriteLine("N counts total parameters; FLOPs C = 6ND");
        return 0;
    }
}
