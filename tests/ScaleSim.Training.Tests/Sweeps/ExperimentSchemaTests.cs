using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>
/// experiments/experiment.schema.json is the schema generated from the definition types, every shipped experiment
/// conforms to it, and docs/experiments.md describes every field it has.
/// </summary>
public class ExperimentSchemaTests
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("no ScaleSim.sln above " + AppContext.BaseDirectory);
        }
    }

    private static string SchemaPath => Path.Combine(Root, "experiments", "experiment.schema.json");

    private static JsonObject Generated()
    {
        string docs = Path.ChangeExtension(typeof(ExperimentDefinition).Assembly.Location, ".xml");
        return ExperimentSchema.Generate(XDocument.Load(docs));
    }

    private static JsonObject Committed() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    public static TheoryData<string> ShippedExperiments()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "experiments"), "experiment.json", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Fact]
    public void CommittedSchemaIsTheGeneratedOne()
    {
        string generated = Generated().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        // SCALESIM_WRITE_SCHEMA=1 rewrites the file after a change to the definition types.
        if (Environment.GetEnvironmentVariable("SCALESIM_WRITE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        Assert.True(generated == File.ReadAllText(SchemaPath),
            "experiments/experiment.schema.json is out of date: run this test with SCALESIM_WRITE_SCHEMA=1 to regenerate it");
    }

    [Theory]
    [MemberData(nameof(ShippedExperiments))]
    public void ShippedExperimentConformsAndParses(string file)
    {
        string text = File.ReadAllText(Path.Combine(Root, file));
        var json = JsonNode.Parse(text, documentOptions: Jsonc);
        Assert.Empty(JsonSchemaValidator.Errors(json, Committed()));
        ExperimentDefinition.Parse(text, file);
    }

    [Theory]
    [InlineData("""{ "name": "x", "budgets": [1e12], "widths": [16, 32, 64], "tokens_per_run": 1e6 }""", "matches 0 of the oneOf branches")]
    [InlineData("""{ "name": "x" }""", "matches 0 of the oneOf branches")]
    [InlineData("""{ "name": "x", "budgets": [1e12], "sizes_per_budgets": 7 }""", "matches 0 of the oneOf branches")]
    [InlineData("""{ "name": "x", "budgets": "1e12" }""", "matches 0 of the oneOf branches")]
    [InlineData("""{ "name": "x", "budgets": [1e12], "flop_model": "7nd" }""", "matches 0 of the oneOf branches")]
    [InlineData("""{ "name": "x", "widths": [16, 32, 64], "tokens_per_run": 1e6, "shape": { "layers": 2.5 } }""", "matches 0 of the oneOf branches")]
    public void SchemaRefusesWhatTheParserRefuses(string text, string expected)
    {
        var errors = JsonSchemaValidator.Errors(JsonNode.Parse(text), Committed());
        Assert.Contains(errors, e => e.Contains(expected));
        Assert.Throws<InputException>(() => ExperimentDefinition.Parse(text, "test.json"));
    }

    [Fact]
    public void EveryFieldIsDescribedInTheSchemaAndInTheDocs()
    {
        string docs = File.ReadAllText(Path.Combine(Root, "docs", "experiments.md"));
        var fields = new List<string>();
        foreach (var branch in Committed()["oneOf"]!.AsArray())
            Collect(branch!.AsObject(), "", fields);
        Assert.Contains("budgets", fields);
        Assert.Contains("shape.head_size", fields);
        foreach (var field in fields.Distinct())
            Assert.True(docs.Contains($"`{field}`"), $"docs/experiments.md does not describe `{field}`");

        static void Collect(JsonObject schema, string prefix, List<string> fields)
        {
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(property!["description"]?.GetValue<string>()), $"{prefix}{name} has no description");
                fields.Add(prefix + name);
                if (property["properties"] is not null) Collect(property.AsObject(), prefix + name + ".", fields);
            }
        }
    }
}
