using System.Text.Json.Nodes;
using ScaleSim.Planning;

namespace ScaleSim.Cli.Output;

/// <summary>An allocation as JSON: <c>flops</c>, <c>params</c>, <c>tokens</c>, <c>loss</c>, <c>tokens_per_param</c>.</summary>
internal static class AllocationJson
{
    public static JsonObject ToJson(Allocation a) => new()
    {
        ["flops"] = a.Flops,
        ["params"] = a.Params,
        ["tokens"] = a.Tokens,
        ["loss"] = a.Loss,
        ["tokens_per_param"] = a.TokensPerParam,
    };
}
