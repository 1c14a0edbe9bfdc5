using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ScaleSim.Cli.Output;
using ScaleSim.Training.Backends.Verification;
using Spectre.Console;

namespace ScaleSim.Cli.Commands;

/// <summary>
/// <c>scalesim bench ptx --out DIR</c>: every ILGPU kernel compiled to PTX for a CUDA architecture, without a GPU
/// (<see cref="PtxCompilation"/>), one file per kernel, for <c>ptxas -v</c> (registers, spills, shared memory).
/// </summary>
internal static class BenchPtxCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Directory for one KERNEL.ptx per kernel.", Required = true };
        var compute = new Option<string>("--compute") { Description = "Compute capability to compile for (default 9.0: H100, H200).", DefaultValueFactory = _ => "9.0" };
        var json = CommonOptions.Json();
        var format = CommonOptions.Format("one row per kernel");
        var command = new Command("ptx", "Compile every ILGPU kernel to PTX without a GPU and write one file per kernel (for ptxas -v).")
        {
            output, compute, json, format,
        };
        command.SetAction(parse =>
        {
            var outputFormat = CommonOptions.FormatOf(parse, format, json);
            string text = parse.GetValue(compute)!;
            var parts = text.Split('.');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
                throw new InputException($"--compute: '{text}' is not a compute capability such as 9.0");
            string directory = parse.GetValue(output)!;
            var kernels = PtxCompilation.CompileAll(major, minor);
            try
            {
                Directory.CreateDirectory(directory);
                foreach (var kernel in kernels) File.WriteAllText(Path.Combine(directory, kernel.Name + ".ptx"), kernel.Ptx);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--out {directory}: cannot write ({e.Message})");
            }
            if (outputFormat != OutputFormat.Table)
            {
                var report = new JsonObject
                {
                    ["compute_capability"] = $"{major}.{minor}",
                    ["directory"] = directory,
                    ["kernels"] = new JsonArray(kernels.Select(k => (JsonNode?)new JsonObject
                    {
                        ["kernel"] = k.Name, ["file"] = k.Name + ".ptx", ["lines"] = k.Ptx.Count(c => c == '\n'),
                    }).ToArray()),
                };
                if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, report);
                else CsvOutput.WriteRows(context.Out, report["kernels"]!.AsArray().Select(k => k!.AsObject()));
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"{kernels.Count} kernels compiled to PTX for compute capability {major}.{minor} in {directory}"));
            table.AddColumn("kernel");
            table.AddColumn(new TableColumn("PTX lines").RightAligned());
            foreach (var k in kernels) table.AddRow(Markup.Escape(k.Name), k.Ptx.Count(c => c == '\n').ToString(CultureInfo.InvariantCulture));
            context.Console.Write(table);
            return 0;
        });
        return command;
    }
}
