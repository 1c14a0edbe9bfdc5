using System.CommandLine;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Tasks;
using ScaleSim.Tasks.Synthetic;

namespace ScaleSim.Cli.Commands;

/// <summary><c>scalesim tasks synthetic --out FILE</c>: writes the synthetic example task table (data/synthetic_task_curves.csv).</summary>
internal static class TasksSyntheticCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Where to write the CSV.", DefaultValueFactory = _ => Path.Combine("data", "synthetic_task_curves.csv") };
        var seed = new Option<int>("--seed") { Description = "Seed of the binomial draws.", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var command = new Command("synthetic", "Write the synthetic example task table: one model family, five made-up tasks, one of each class.") { output, seed, json };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null) Directory.CreateDirectory(directory);
            File.WriteAllText(path, ExampleTaskTable.Csv(parse.GetValue(seed)));

            // What was written, read back as any task table is.
            var table = TaskTableLoader.Load(path);
            int models = table.Rows.Select(r => r.Model).Distinct().Count();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new JsonObject
                {
                    ["out"] = path,
                    ["seed"] = parse.GetValue(seed),
                    ["rows"] = table.Count,
                    ["models"] = models,
                    ["tasks"] = new JsonArray(table.Tasks.Select(t => (JsonNode)t).ToArray()),
                    ["synthetic"] = true,
                });
            }
            else context.Out.WriteLine($"wrote {path} (synthetic: {models} models × {table.Tasks.Count} tasks, {table.Count} rows)");
            return 0;
        });
        return command;
    }
}
