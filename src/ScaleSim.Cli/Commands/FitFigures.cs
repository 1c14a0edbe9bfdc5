using ScaleSim.Fitting;
using ScaleSim.Runs;

namespace ScaleSim.Cli.Commands;

/// <summary>The figures <c>fit --plot</c> writes: residuals against compute, and the bootstrap distribution of a.</summary>
internal static class FitFigures
{
    public static void Write(string directory, FitResult fit, RunTable rows, BootstrapResult? intervals, CliContext context)
    {
        // Filled in when the plotting toolkit lands.
        context.Warn($"--plot: figures are not available yet; nothing written to {directory}");
    }
}
