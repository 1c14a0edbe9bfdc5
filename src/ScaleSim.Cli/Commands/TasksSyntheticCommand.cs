using System.CommandLine;
using ScaleSim.Tasks.Synthetic;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim tasks synthetic --out FILE</c>: writes the synthetic example task table (data/synthetic_task_curves.csv).</summary>
internal static class TasksSyntheticCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Where to write the CSV.", DefaultValueFactory = _ => Path.Combine("data", "synthetic_task_curves.csv") };
        var seed = new Option<int>("--seed") { Description = "Seed of the binomial draws.", DefaultValueFactory = _ => 0 };
        var command = new Command("synthetic", "Write the synthetic example task table: one model family, five made-up tasks, one of each class.") { output, seed };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null) Directory.CreateDirectory(directory);
            File.WriteAllText(path, ExampleTaskTable.Csv(parse.GetValue(seed)));
            context.Out.WriteLine($"wrote {path} (synthetic: 12 models × 5 tasks)");
            return 0;
        });
        return command;
    }
}
