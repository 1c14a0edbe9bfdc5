using System.CommandLine;
using System.CommandLine.Invocation;

namespace ScaleSim.Cli;

/// <summary>
/// <c>scalesim --version</c>: prints <see cref="ScaleSimVersion.Current"/>. System.CommandLine's own action prints the
/// entry assembly's version, which is the test host's when the command line runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ScaleSimVersion.Current);
        return 0;
    }
}
