namespace ScaleSim.Cli.Tests;

/// <summary>Files of the repository the tests compare the program against (README, Directory.Build.props, examples).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the directory holding ScaleSim.sln above the test binaries.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("no ScaleSim.sln above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
}
