namespace ScaleSim.Cli.Commands.PlanModes;

/// <summary>Chooses which constrained question <c>scalesim plan</c> answers and refuses combinations that mean nothing.</summary>
internal static class ConstrainedPlan
{
    public static int Run(CliContext context, PlanRequest request)
    {
        int questions = new[] { request.UniqueTokens.HasValue, request.InferenceTokens.HasValue,
            request.Experts.HasValue || request.Granularity.HasValue || request.DenseLaw is not null, request.Overhead }.Count(b => b);
        if (questions > 1)
            throw new InputException("--unique-tokens, --inference-tokens, --experts and --overhead ask different questions; give one of them");
        if ((request.Granularity.HasValue || request.DenseLaw is not null) && !request.Experts.HasValue)
            throw new InputException($"{(request.Granularity.HasValue ? "--granularity" : "--dense-law")} needs --experts E");
        if (request.Params.HasValue || request.Tokens.HasValue)
            throw new InputException("--params and --tokens fix the split themselves; drop them with --unique-tokens, --inference-tokens, --experts or --overhead");
        if (request.TargetLoss.HasValue && !request.InferenceTokens.HasValue)
            throw new InputException("--target-loss combines only with --inference-tokens among the constrained questions");

        if (request.UniqueTokens.HasValue) return DataConstrainedPlanMode.Run(context, request);
        if (request.InferenceTokens.HasValue) return InferencePlanMode.Run(context, request);
        if (request.Experts.HasValue) return MoePlanMode.Run(context, request);
        return OverheadPlanMode.Run(context, request);
    }
}
