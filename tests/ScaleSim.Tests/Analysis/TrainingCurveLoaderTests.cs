using ScaleSim.Analysis;
using ScaleSim.Runs;

namespace ScaleSim.Tests.Analysis;

/// <summary>Training curves from anyone's logs: long tables of run, tokens or step, and loss, in CSV, TSV or JSON Lines.</summary>
public class TrainingCurveLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("curves-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static RunTable Runs(string text) => RunTableLoader.FromRaw(RawTable.ParseDelimited(text, ',', "runs.csv"));

    [Fact]
    public void StepsBecomeTokensThroughTheRunsTableAndNComesFromIt()
    {
        var runs = Runs("run,N,D,C,loss,steps\nsmall,1e6,4e8,3e15,3.0,1000\nbig,1e7,4e8,3e16,2.6,1000\n");
        var curves = TrainingCurveLoader.Load(Write("log.csv", "run_id,global_step,eval_loss\nsmall,100,4.0\nsmall,1000,3.0\nbig,500,3.1\nbig,1000,2.6\n"),
            runs, RunAnnotations.FromColumns(runs));
        var small = curves.Single(c => c.Run == "small");
        Assert.Equal(1e6, small.Params);
        Assert.Equal([4e7, 4e8], small.Tokens);
        // The run's own compute (3e15, not 6ND = 2.4e15) scaled by the tokens seen.
        Assert.Equal([3e14, 3e15], small.Flops);
        Assert.Equal([4.0, 3.0], small.Loss);
    }

    [Fact]
    public void JsonLinesWithTheirOwnNAndTokensNeedNoRunsTable()
    {
        var curves = TrainingCurveLoader.Load(Write("log.jsonl", """
            {"run": "a", "params": 2e6, "tokens": 1e8, "loss": 3.5}
            {"run": "a", "params": 2e6, "tokens": 5e7, "loss": 3.9}
            {"run": "b", "params": 8e6, "tokens": 1e8, "loss": 3.2}
            """));
        var a = curves.Single(c => c.Run == "a");
        Assert.Equal([5e7, 1e8], a.Tokens);
        Assert.Equal([6 * 2e6 * 5e7, 6 * 2e6 * 1e8], a.Flops);
    }

    [Fact]
    public void CountsWithAUnitInTheirHeaderAreScaled()
    {
        var curves = TrainingCurveLoader.Load(Write("units.csv", "Model,Params (M),Tokens (B),val_loss\na,2,0.05,3.9\na,2,0.1,3.5\n"));
        Assert.Equal([5e7, 1e8], curves[0].Tokens);
        Assert.Equal([6 * 2e6 * 5e7, 6 * 2e6 * 1e8], curves[0].Flops);
    }

    [Fact]
    public void WithoutStepsInTheRunsTableTheCurvesLastStepIsTheRunsEnd()
    {
        var runs = Runs("run,N,D,loss\nsmall,1e6,4e8,3.0\n");
        var curves = TrainingCurveLoader.Load(Write("log.tsv", "run\tstep\tloss\nsmall\t200\t4.0\nsmall\t800\t3.0\n"), runs, RunAnnotations.FromColumns(runs));
        Assert.Equal([1e8, 4e8], curves[0].Tokens);
    }

    [Fact]
    public void WhatACurveLacksIsNamedWithItsFileAndLine()
    {
        var runs = Runs("run,N,D,loss\nsmall,1e6,4e8,3.0\n");
        var annotations = RunAnnotations.FromColumns(runs);
        var unknown = Assert.Throws<InputException>(() => TrainingCurveLoader.Load(Write("a.csv", "run,tokens,loss\nsmall,1e8,3.5\nghost,1e8,3.4\n"), runs, annotations));
        Assert.EndsWith("a.csv line 3: run 'ghost' has no parameter count (no N column here, and no runs-table row named 'ghost')", unknown.Message);
        var bad = Assert.Throws<InputException>(() => TrainingCurveLoader.Load(Write("b.csv", "run,tokens,loss\nsmall,1e8,lots\n"), runs, annotations));
        Assert.EndsWith("b.csv line 2, column 'loss' (loss): 'lots' is not a number", bad.Message);
        var noRun = Assert.Throws<InputException>(() => TrainingCurveLoader.Load(Write("c.csv", "tokens,loss\n1e8,3.5\n"), runs, annotations));
        Assert.Contains("c.csv: no run column", noRun.Message);
    }

    [Fact]
    public void CurvesFromALogFeedApproach1()
    {
        // Curves whose every point is the law's loss at that many tokens (as ApproachRecoveryTests): the envelope is the frontier.
        var law = new ScaleSim.Laws.ChinchillaLaw(1.8, 480, 2100, 0.35, 0.37);
        var runsText = new System.Text.StringBuilder("run,N,D,loss\n");
        var curveText = new System.Text.StringBuilder("run,step,loss\n");
        for (int k = 0; k <= 40; k++)
        {
            double n = 1e7 * Math.Pow(10, k / 8.0), batch = 1e6;
            for (int step = 1; step <= 60; step++)
            {
                double d = 1e8 * Math.Pow(10, step / 8.0);
                curveText.Append(FormattableString.Invariant($"n{k},{d / batch:R},{law.Loss(n, d):R}\n"));
            }
            double final = 1e8 * Math.Pow(10, 60 / 8.0);
            runsText.Append(FormattableString.Invariant($"n{k},{n:R},{final:R},{law.Loss(n, final):R}\n"));
        }
        var runs = Runs(runsText.ToString());
        var annotations = RunAnnotations.FromColumns(runs);
        var input = ScalingAnalysisInput.Prepare(runs, annotations, TrainingCurveLoader.Load(Write("curves.csv", curveText.ToString()), runs, annotations));
        var estimate = Approach1Envelope.Fit(input.Curves!);
        Assert.InRange(estimate.A, law.ParamsExponent - 0.03, law.ParamsExponent + 0.03);
    }
}
