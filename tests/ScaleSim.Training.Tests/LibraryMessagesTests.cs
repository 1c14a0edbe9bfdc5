using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace ScaleSim.Training.Tests;

/// <summary>
/// The libraries speak their own terms: no string literal in ScaleSim.Core or ScaleSim.Training (every exception message
/// is built from them) names a command-line option. Parameters are marked with <see cref="InputName"/> instead, and the
/// command line renames them to its options.
/// </summary>
public partial class LibraryMessagesTests
{
    [GeneratedRegex(@"(?<![-\w])--[a-z][a-z-]*")]
    private static partial Regex CommandLineOption();

    [Theory]
    [InlineData(typeof(InputException))]
    [InlineData(typeof(ScaleSim.Training.Runs.Trainer))]
    public void NoLiteralNamesACommandLineOption(Type inAssembly)
    {
        using var stream = File.OpenRead(inAssembly.Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var offending = new List<string>();
        int literals = 0;
        for (var handle = metadata.GetNextHandle(default(UserStringHandle)); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            string literal = metadata.GetUserString(handle);
            literals++;
            if (CommandLineOption().IsMatch(literal)) offending.Add(literal);
        }
        Assert.True(literals > 100, $"read only {literals} literals from {inAssembly.Assembly.GetName().Name}");
        Assert.True(offending.Count == 0, $"{inAssembly.Assembly.GetName().Name} has literals naming options: {string.Join(" | ", offending)}");
    }

    [Fact]
    public void AMessageNamesItsParametersSoACallerCanRenameThem()
    {
        var error = InputException.About($"{InputName.Of("d_model")} 30 is not divisible by {InputName.Of("heads")} {4}");
        Assert.Equal("d_model 30 is not divisible by heads 4", error.Message);
        Assert.Equal(["d_model", "heads"], error.Parameters);
        Assert.Equal("--d-model 30 is not divisible by --heads 4", error.Rephrase(n => "--" + n.Replace('_', '-')));
        Assert.Equal("d_model 30 is not divisible by --heads 4", error.Rephrase(n => n == "heads" ? "--heads" : null));
        var plain = new InputException("runs.csv line 3: value is NaN");
        Assert.Empty(plain.Parameters);
        Assert.Equal(plain.Message, plain.Rephrase(n => "--" + n));
    }
}
