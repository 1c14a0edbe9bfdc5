using Microsoft.Data.Analysis;
using ScaleSim.Laws;
using ScaleSim.Tasks;

namespace ScaleSim.Tests.Tasks;

public class TaskTableLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tasks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Header = "model,params,task,metric,score,chance,examples,partial_credit,loss,note\n";

    [Fact]
    public void LoadsCsvWithOptionalColumnsAndGroupsCurves()
    {
        var table = TaskTableLoader.Load(Write("t.csv", Header +
            "b,2e9,arith,exact_match,0.10,0,500,0.6,0.5,x\n" +
            "a,1e9,arith,exact_match,0.02,0,500,0.5,0.7,y\n" +
            "a,1e9,mmlu,accuracy,0.26,0.25,,,,z\n"));
        Assert.Equal(ScaleVariable.Params, table.ScaleKind);
        Assert.Equal(3, table.Count);
        var curves = table.Curves();
        Assert.Equal(["arith", "mmlu"], curves.Select(c => c.Task));
        Assert.Equal([1e9, 2e9], curves[0].Scales);
        Assert.Equal([500, 500], curves[0].Examples!);
        Assert.Null(curves[1].Examples);
        Assert.Equal(0.25, curves[1].Chance);
        Assert.Equal(0.7, curves[0].Points[0].Loss);
        Assert.IsType<DoubleDataFrameColumn>(table.Frame.Columns["score"]);
        Assert.IsType<StringDataFrameColumn>(table.Frame.Columns["note"]);
        Assert.Null(table.Frame.Columns["chance"][0] is null ? null : table.Frame.Columns["examples"][2]);
    }

    [Fact]
    public void LoadsJsonLinesWithAGenericScaleColumnWhenTheKindIsGiven()
    {
        string path = Write("t.jsonl", "{\"model\":\"a\",\"scale\":1e21,\"task\":\"t\",\"metric\":\"acc\",\"score\":0.3}\n{\"model\":\"b\",\"scale\":1e22,\"task\":\"t\",\"metric\":\"acc\",\"score\":0.4}\n");
        var table = TaskTableLoader.Load(path, new TaskColumns(ScaleKind: ScaleVariable.Flops));
        Assert.Equal(ScaleVariable.Flops, table.ScaleKind);
        Assert.Equal([1e21, 1e22], table.Curves()[0].Scales);
    }

    [Fact]
    public void ObservationsMadeInCodeBecomeATable()
    {
        var table = TaskTable.FromObservations("trained models", ScaleVariable.Params,
            [new TaskObservation("tiny-1", 1e6, "copy", "exact_match", 0.1), new TaskObservation("tiny-2", 4e6, "copy", "exact_match", 0.4)]);
        Assert.Equal(2, table.Curves().Single().Count);
        Assert.Equal(2, table.Frame.Rows.Count);
    }

    public static TheoryData<string, string, string> BadTables => new()
    {
        { "no scale", "model,task,metric,score\na,t,m,0.5\n", "no scale column (looked for params" },
        { "generic scale", "model,scale,task,metric,score\na,1e9,t,m,0.5\n", "column 'scale' does not say whether it holds parameters, FLOPs or tokens" },
        { "no score", "model,params,task,metric\na,1e9,t,m\n", "no score column (looked for score, value, accuracy)" },
        { "percent", "model,params,task,metric,score\na,1e9,t,m,57\n", "line 2, column 'score' (score): value 57 is outside [0, 1] (scores are fractions; divide percentages by 100)" },
        { "NaN score", "model,params,task,metric,score\na,1e9,t,m,nan\n", "line 2, column 'score' (score): value is NaN" },
        { "zero scale", "model,params,task,metric,score\na,0,t,m,0.5\n", "line 2, column 'params' (params): value 0 must be positive" },
        { "empty task", "model,params,task,metric,score\na,1e9,,m,0.5\n", "line 2, column 'task' (task): missing value" },
        { "chance 1", "model,params,task,metric,score,chance\na,1e9,t,m,0.5,1\n", "column 'chance' (chance): value 1 is outside [0, 1)" },
        { "fractional examples", "model,params,task,metric,score,examples\na,1e9,t,m,0.5,12.5\n", "column 'examples' (examples): value 12.5 is not a whole number" },
        { "chance differs", "model,params,task,metric,score,chance\na,1e9,t,m,0.5,0.25\nb,2e9,t,m,0.6,0.5\n", "line 3: chance 0.5 differs from 0.25 elsewhere for task 't', metric 'm'" },
        { "ragged", "model,params,task,metric,score\na,1e9,t,m\n", "line 2: 4 fields, but the header has 5" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public void BadInputNamesTheFileLineAndColumn(string name, string content, string expected)
    {
        string path = Write(name.Replace(' ', '-') + ".csv", content);
        var error = Assert.Throws<InputException>(() => TaskTableLoader.Load(path));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith(path, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnAbsentTaskOrMetricNamesTheChoices()
    {
        var table = TaskTableLoader.Load(Write("t.csv", "model,params,task,metric,score\na,1e9,t,acc,0.5\n"));
        Assert.Contains("no task 'u' (tasks are t)", Assert.Throws<InputException>(() => table.Curves("u")).Message);
        Assert.Contains("no metric 'em' for task 't' (metrics are acc)", Assert.Throws<InputException>(() => table.Curves("t", "em")).Message);
    }
}
