namespace ScaleSim.Cli.Tests;

/// <summary>The synthetic example task table, written by <c>tasks synthetic</c> into a temporary folder.</summary>
internal sealed class TaskTableFile : IDisposable
{
    public TaskTableFile()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("scalesim-tasks-").FullName;
        Path = System.IO.Path.Combine(Directory, "tasks.csv");
        var result = CliRunner.Run("tasks", "synthetic", "--out", Path);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Error);
    }

    public string Directory { get; }

    public string Path { get; }

    public string Write(string name, string content)
    {
        string path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The repository's copy in data/, which the README's examples use.</summary>
    public static string Committed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ScaleSim.sln"))) dir = dir.Parent;
        return System.IO.Path.Combine(dir!.FullName, "data", "synthetic_task_curves.csv");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
