namespace ScaleSim.Tests;

/// <summary>Finds the repository's data/ folder from the test binary's location.</summary>
internal static class TestData
{
    public static string Path(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ScaleSim.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root (ScaleSim.sln) not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine(dir.FullName, "data", file);
    }
}
