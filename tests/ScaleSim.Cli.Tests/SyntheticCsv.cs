using System.Globalization;
using System.Text;

namespace ScaleSim.Cli.Tests;

/// <summary>A small, seeded runs file drawn from a known Chinchilla law, written to a temporary folder.</summary>
internal sealed class SyntheticCsv : IDisposable
{
    public SyntheticCsv(int seed = 1)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("scalesim-cli-").FullName;
        Path = System.IO.Path.Combine(Directory, "runs.csv");
        var random = new Random(seed);
        var text = new StringBuilder("params,tokens,loss_c4,seed\n");
        foreach (double flops in new[] { 1e18, 1e19, 1e20, 1e21 })
        {
            for (int k = 0; k < 6; k++)
            {
                double n = Math.Sqrt(flops / 120) * Math.Pow(10, (k - 2.5) / 3.0);
                double d = flops / (6 * n);
                double loss = (1.8 + 480 / Math.Pow(n, 0.35) + 2100 / Math.Pow(d, 0.37)) * Math.Exp(0.005 * (random.NextDouble() - 0.5));
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{loss:R},{k}\n");
            }
        }
        File.WriteAllText(Path, text.ToString());
    }

    public string Directory { get; }

    public string Path { get; }

    public string Write(string name, string content)
    {
        string path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
