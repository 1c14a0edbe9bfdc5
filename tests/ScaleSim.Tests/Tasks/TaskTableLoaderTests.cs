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
    public void ReadsAWideTableAsOneTaskPerColumn()
    {
        // As papers print results: a row per model, a column per benchmark, a family column, gaps marked "-" or left empty.
        var table = TaskTableLoader.Load(Write("wide.csv",
            "Model,Params,Family,MMLU,HellaSwag,examples\n" +
            "A,1e8,x,0.25,0.30,100\n" +
            "B,1e9,x,0.26,-,100\n" +
            "C,1e10,y,0.40,,100\n" +
            "D,1e11,y,0.60,0.70,100\n" +
            "E,1e12,y,0.75,n/a,-\n"));
        Assert.Equal(ScaleVariable.Params, table.ScaleKind);
        var curves = table.Curves();
        Assert.Equal(["HellaSwag", "MMLU"], curves.Select(c => c.Task).Order());
        var mmlu = curves.Single(c => c.Task == "MMLU");
        Assert.Equal("score", mmlu.Metric);
        Assert.Equal([1e8, 1e9, 1e10, 1e11, 1e12], mmlu.Scales);
        Assert.Equal([0.25, 0.26, 0.40, 0.60, 0.75], mmlu.Scores);
        // The last row's examples are a gap ("-"), so the curve does not claim a count for every score.
        Assert.Null(mmlu.Examples);
        Assert.Null(mmlu.Points[4].Examples);
        Assert.Equal(100, mmlu.Points[0].Examples);
        Assert.Equal(["A", "D"], curves.Single(c => c.Task == "HellaSwag").Points.Select(p => p.Model));
        Assert.Equal(5, mmlu.Points[3].Line);
        // The family is kept beside each observation, not read as a task.
        Assert.Equal(7, table.Frame.Rows.Count);
        Assert.Equal("y", table.Frame.Columns["Family"][5]);
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void AScaleWithAUnitInItsHeaderIsScaled()
    {
        var table = TaskTableLoader.Load(Write("units.csv", "Model,Params (B),Tokens (B),MMLU\na,1.3,26,0.25\nb,13,260,0.45\n"));
        Assert.Equal(ScaleVariable.Params, table.ScaleKind);
        // The other scale is not a task.
        Assert.Equal(["MMLU"], table.Curves().Select(c => c.Task));
        Assert.Equal([1.3e9, 13e9], table.Curves()[0].Scales);
        Assert.Contains(table.Warnings, w => w.Contains("'Params (B)' read as params in B", StringComparison.Ordinal));
    }

    [Fact]
    public void PercentagesAreReadAsFractionsWhenSaid()
    {
        string wide = Write("pct.csv", "model,params,MMLU\na,1e9,25.5\nb,1e10,57\n");
        Assert.Contains("give percent if the table's are percentages", Assert.Throws<InputException>(() => TaskTableLoader.Load(wide)).Message);
        Assert.Equal([0.255, 0.57], TaskTableLoader.Load(wide, new TaskColumns(Percent: true)).Curves()[0].Scores);
        var tall = TaskTableLoader.Load(Write("tall.csv", "model,params,task,metric,score,chance\na,1e9,t,acc,25.5,25\n"), new TaskColumns(Percent: true));
        Assert.Equal(0.255, tall.Rows[0].Score, 12);
        Assert.Equal(0.25, tall.Rows[0].Chance);
        Assert.Contains("outside [0, 100]", Assert.Throws<InputException>(() =>
            TaskTableLoader.Load(Write("over.csv", "model,params,MMLU\na,1e9,125\n"), new TaskColumns(Percent: true))).Message);
    }

    [Fact]
    public void AWideColumnWithAStrayWordIsNotATaskAndSaysSo()
    {
        var table = TaskTableLoader.Load(Write("typo.csv", "params,MMLU,ARC\n1e8,0.25,0.3\n1e9,O.3,0.4\n1e10,0.5,0.6\n"));
        Assert.Equal(["ARC"], table.Curves().Select(c => c.Task));
        Assert.Equal("line 2", table.Rows[0].Model);
        Assert.Contains(table.Warnings, w => w.Contains("line 3, column 'MMLU': 'O.3' is not a number", StringComparison.Ordinal));
        var none = Assert.Throws<InputException>(() => TaskTableLoader.Load(Write("none.csv", "params,family\n1e8,x\n")));
        Assert.Contains("no task column", none.Message);
    }

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
        { "percent", "model,params,task,metric,score\na,1e9,t,m,57\n", "line 2, column 'score' (score): value 57 is outside [0, 1] (scores are fractions: give percent if the table's are percentages)" },
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
    public void ATableReadAsLossesTakesItsValuesFromALossColumnAndAllowsAnyPositiveValue()
    {
        var table = TaskTableLoader.Load(Write("losses.csv", "model,tokens,task,metric,loss\na,1e9,lm,val_loss,3.5\nb,1e10,lm,val_loss,2.75\n"),
            new TaskColumns(Direction: MetricDirection.LowerIsBetter));
        var curve = table.Curves().Single();
        Assert.Equal(ScaleVariable.Tokens, table.ScaleKind);
        Assert.True(curve.IsLoss);
        Assert.Equal([3.5, 2.75], curve.Scores);
        Assert.All(curve.Points, p => Assert.Null(p.Loss));
        Assert.Equal("lower", table.Frame.Columns["direction"][0]);
    }

    [Fact]
    public void ADirectionColumnMixesScoresAndLossesRowByRow()
    {
        var table = TaskTableLoader.Load(Write("mixed.csv", "model,params,task,metric,score,direction\n" +
            "a,1e9,mmlu,accuracy,0.31,higher\nb,1e10,mmlu,accuracy,0.45,\na,1e9,mmlu,nll,1.9,lower\nb,1e10,mmlu,nll,1.4,loss\n"));
        var curves = table.Curves();
        Assert.False(curves[0].IsLoss);
        Assert.True(curves[1].IsLoss);
        Assert.Equal([1.9, 1.4], curves[1].Scores);
    }

    [Fact]
    public void ADirectionColumnAloneLetsALossColumnBeTheValue()
    {
        var table = TaskTableLoader.Load(Write("direction-loss.csv", "model,tokens,task,metric,loss,direction\na,1e9,lm,val,3.5,lower\nb,1e10,lm,val,2.75,lower\n"));
        Assert.Equal([3.5, 2.75], table.Curves().Single().Scores);
        Assert.True(table.Curves().Single().IsLoss);
    }

    public static TheoryData<string, string, string> BadLossTables => new()
    {
        { "zero loss", "model,params,task,metric,score,direction\na,1e9,t,m,0,lower\n", "line 2, column 'score' (loss): value 0 must be positive" },
        { "odd direction", "model,params,task,metric,score,direction\na,1e9,t,m,0.5,sideways\n", "line 2, column 'direction' (direction): 'sideways' is not a direction (write lower for a loss, higher for a score)" },
        { "mixed curve", "model,params,task,metric,score,direction\na,1e9,t,m,0.5,higher\nb,2e9,t,m,0.4,lower\n", "line 3: task 't', metric 'm' is a loss (lower is better) here but a score (higher is better) on line 2" },
        { "score above 1", "model,params,task,metric,score,direction\na,1e9,t,m,1.5,higher\n", "value 1.5 is outside [0, 1]" },
    };

    [Theory]
    [MemberData(nameof(BadLossTables))]
    public void BadLossTablesNameTheFileLineAndColumn(string name, string content, string expected)
    {
        string path = Write(name.Replace(' ', '-') + ".csv", content);
        var error = Assert.Throws<InputException>(() => TaskTableLoader.Load(path));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void ADirectionCellThatContradictsATableReadAsLossesNamesTheParameter()
    {
        string path = Write("contradiction.csv", "model,params,task,metric,score,direction\na,1e9,t,m,2.5,higher\n");
        var error = Assert.Throws<InputException>(() => TaskTableLoader.Load(path, new TaskColumns(Direction: MetricDirection.LowerIsBetter)));
        Assert.Equal(["loss"], error.Parameters);
        Assert.Contains("'higher' contradicts loss, which says every value is a loss", error.Message);
    }

    [Fact]
    public void AnAbsentTaskOrMetricNamesTheChoices()
    {
        var table = TaskTableLoader.Load(Write("t.csv", "model,params,task,metric,score\na,1e9,t,acc,0.5\n"));
        Assert.Contains("no task 'u' (tasks are t)", Assert.Throws<InputException>(() => table.Curves("u")).Message);
        Assert.Contains("no metric 'em' for task 't' (metrics are acc)", Assert.Throws<InputException>(() => table.Curves("t", "em")).Message);
    }
}
