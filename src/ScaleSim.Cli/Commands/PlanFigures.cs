using ScaleSim.Planning;

namespace ScaleSim.Cli.Commands;

/// <summary>The figure <c>plan --plot</c> writes: the IsoFLOP profile at the budget with the plan marked.</summary>
internal static class PlanFigures
{
    public static void Write(string directory, ComputePlanner planner, Allocation plan, CliContext context)
    {
        context.Warn($"--plot: figures are not available yet; nothing written to {directory}");
    }
}
