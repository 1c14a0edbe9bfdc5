namespace ScaleSim.Cli.Tests;

/// <summary>Every bad input gets one line on stderr naming what is wrong, exit code 2, and nothing on stdout.</summary>
public class BadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "missing file", ["fit", "{dir}/nope.csv"], "nope.csv: file not found" },
        { "non-numeric", ["fit", "{bad}"], "line 3, column 'loss' (loss): 'oops' is not a number" },
        { "NaN", ["fit", "{nan}"], "value is NaN" },
        { "zero", ["fit", "{zero}"], "value 0 must be positive" },
        { "too few rows", ["fit", "{few}", "--bootstrap", "0"], "3 rows, but law chinchilla has 5 parameters" },
        { "unmapped column", ["fit", "{runs}", "--loss", "nope"], "no column 'nope' (given by --loss)" },
        { "unknown law", ["fit", "{runs}", "--law", "gompertz"], "--law 'gompertz' is not fittable" },
        { "negative bootstrap", ["fit", "{runs}", "--loss", "loss_c4", "--bootstrap", "-1"], "--bootstrap must be non-negative" },
        { "bad number", ["plan", "--flops", "lots"], "--flops: 'lots' is not a number" },
        { "zero budget", ["plan", "--flops", "0"], "--flops must be a positive finite number" },
        { "negative budget", ["plan", "--flops", "-1e20"], "--flops must be a positive finite number" },
        { "two questions", ["plan", "--params", "1e9", "--tokens", "1e10"], "give at most one of --params, --tokens and --target-loss" },
        { "nothing asked", ["plan"], "give --flops, or one of --params, --tokens, --target-loss" },
        { "unreachable loss", ["plan", "--target-loss", "1.0"], "at or below the law's irreducible loss" },
        { "unknown plan law", ["plan", "--flops", "1e20", "--law", "nope"], "--law 'nope' is neither a published law" },
        { "one-variable law", ["plan", "--flops", "1e20", "--law", "kaplan-n"], "planning needs a law of both N and D" },
        { "unknown option", ["plan", "--flopz", "1e20"], "--flopz" },
        { "unknown model", ["compare", "--models", "gopher,hal9000"], "unknown model 'hal9000'" },
        { "bad custom model", ["compare", "--model", "mine:1e9"], "expected NAME:N:D" },
        { "zero budget, unique tokens", ["plan", "--flops", "0", "--unique-tokens", "1e10"], "--flops must be a positive finite number" },
        { "negative budget, unique tokens", ["plan", "--flops", "-5e21", "--unique-tokens", "1e10"], "--flops must be a positive finite number" },
        { "non-numeric unique tokens", ["plan", "--flops", "1e21", "--unique-tokens", "plenty"], "--unique-tokens: 'plenty' is not a number" },
        { "zero unique tokens", ["plan", "--flops", "1e21", "--unique-tokens", "0"], "--unique-tokens must be a positive finite number" },
        { "unique tokens, no budget", ["plan", "--unique-tokens", "1e10"], "--unique-tokens needs a budget: give --flops C" },
        { "unique tokens, dense law", ["plan", "--flops", "1e21", "--unique-tokens", "1e10", "--law", "epoch"], "needs a data-constrained law" },
        { "zero budget, inference", ["plan", "--flops", "0", "--inference-tokens", "1e12"], "--flops must be a positive finite number" },
        { "non-numeric budget, inference", ["plan", "--flops", "1e2x", "--inference-tokens", "1e12"], "--flops: '1e2x' is not a number" },
        { "negative inference tokens", ["plan", "--target-loss", "2.1", "--inference-tokens", "-1"], "--inference-tokens must be a non-negative" },
        { "inference without a question", ["plan", "--inference-tokens", "1e12"], "needs either --target-loss L" },
        { "two constrained questions", ["plan", "--flops", "1e21", "--unique-tokens", "1e10", "--overhead"], "ask different questions" },
        { "granularity without experts", ["plan", "--flops", "1e21", "--granularity", "8"], "--granularity needs --experts" },
        { "experts without a law", ["plan", "--flops", "1e21", "--experts", "64"], "ScaleSim ships no MoE constants" },
        { "zero experts", ["plan", "--flops", "1e21", "--experts", "0", "--law", "{moe}"], "--experts must be a number at least 1" },
        { "fractional granularity", ["plan", "--flops", "1e21", "--experts", "8", "--granularity", "0.5", "--law", "{moe}"], "--granularity must be a number at least 1" },
        { "overhead without budget", ["plan", "--overhead"], "--overhead needs a budget" },
        { "predict without law", ["predict", "--params", "1e9", "--tokens", "1e10"], "--law" },
        { "predict without params", ["predict", "--law", "epoch", "--tokens", "1e10"], "law chinchilla needs --params N" },
        { "predict zero tokens", ["predict", "--law", "epoch", "--params", "1e9", "--tokens", "0"], "--tokens must be a positive finite number" },
        { "predict zero unique tokens", ["predict", "--law", "muennighoff", "--params", "1e9", "--tokens", "1e10", "--unique-tokens", "0"], "--unique-tokens must be a positive finite number" },
        { "predict unique tokens, dense law", ["predict", "--law", "epoch", "--params", "1e9", "--tokens", "1e10", "--unique-tokens", "1e9"], "--unique-tokens applies to data-constrained laws" },
        { "predict bad convention", ["predict", "--law", "epoch", "--params", "1e9", "--tokens", "1e10", "--params-convention", "embedding"], "is not a parameter convention" },
        { "explain with a Kaplan law", ["explain", "kaplan-vs-chinchilla", "--law", "kaplan"], "is not a Chinchilla law" },
        { "explain zero vocabulary", ["explain", "kaplan-vs-chinchilla", "--vocab", "0"], "--vocab must be a positive finite number" },
        { "fit data-constrained without U", ["fit", "{runs}", "--law", "data-constrained", "--loss", "loss_c4", "--bootstrap", "0"], "needs unique tokens U per run (map the column with --u)" },
        { "tasks: missing file", ["tasks", "fit", "{dir}/nope.csv"], "nope.csv: file not found" },
        { "tasks: percentages", ["tasks", "fit", "{percent}"], "line 2, column 'score' (score): value 57 is outside [0, 1] (scores are fractions: give --percent if the table's are percentages)" },
        { "tasks: no scale kind", ["tasks", "fit", "{generic}"], "column 'scale' does not say whether it holds parameters, FLOPs or tokens; give --scale params, flops or tokens" },
        { "tasks: unknown scale", ["tasks", "fit", "{tasks}", "--scale", "years"], "--scale 'years' is not a scale" },
        { "tasks: unknown form", ["tasks", "fit", "{tasks}", "--form", "gompertz"], "--form 'gompertz' is not a curve form" },
        { "tasks: unknown rule", ["tasks", "fit", "{tasks}", "--select", "vibes"], "--select 'vibes' is not a selection rule" },
        { "tasks: absent task", ["tasks", "fit", "{tasks}", "--task", "chess"], "no task 'chess' (tasks are arithmetic-4digit, knowledge-mc" },
        { "tasks: too few points", ["tasks", "fit", "{two}", "--form", "sigmoid"], "2 points, too few for form sigmoid" },
        { "tasks: bad margin", ["tasks", "fit", "{tasks}", "--margin", "-0.1"], "--margin must be a positive finite number" },
        { "tasks: losses read as scores", ["tasks", "fit", "{losses}"], "no score column (looked for score, value, accuracy), but a 'loss' column: give --loss to fit losses, or name the score with --score COLUMN" },
        { "tasks: a loss above 1 read as a score", ["tasks", "fit", "{lossscore}"], "line 2, column 'score' (score): value 3.2 is outside [0, 1]" },
        { "tasks: a zero loss", ["tasks", "fit", "{lossscore}", "--loss"], "line 3, column 'score' (loss): value 0 must be positive" },
        { "tasks: holdout of every scale", ["tasks", "fit", "{tasks}", "--holdout", "12"], "--holdout 12 leaves none of its 12 scales to fit" },
        { "tasks: negative holdout", ["tasks", "fit", "{tasks}", "--holdout", "-1"], "--holdout must be non-negative, got -1" },
        { "tasks: bad length", ["tasks", "artifact", "--length", "5,x"], "--length: 'x' is not a whole number of at least 1" },
        { "tasks: toy option on a file", ["tasks", "artifact", "{tasks}", "--alpha", "0.3"], "--c and --alpha set the toy law" },
        { "tasks: artifact without task", ["tasks", "artifact", "{tasks}"], "several tasks have per-token accuracy or loss (arithmetic-4digit, knowledge-mc); choose one with --task" },
        { "tasks: predict on params", ["tasks", "predict", "{tasks}", "--task", "knowledge-mc", "--scale", "params", "--holdout-largest"], "two-step prediction needs training FLOPs as the scale" },
        { "tasks: predict without loss", ["tasks", "predict", "{tasks}", "--task", "random-labels", "--holdout-largest"], "has no task loss" },
        { "tasks: predict target and holdout", ["tasks", "predict", "{tasks}", "--task", "knowledge-mc", "--target-flops", "1e27", "--holdout-largest"], "give either --target-flops C or --holdout-largest" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FailsWithOneLineAndExitCode2(string name, string[] args, string expected)
    {
        using var csv = new SyntheticCsv();
        using var tasks = new TaskTableFile();
        var files = new Dictionary<string, string>
        {
            ["{tasks}"] = tasks.Path,
            ["{percent}"] = csv.Write("percent.csv", "model,params,task,metric,score\na,1e9,t,acc,57\n"),
            ["{generic}"] = csv.Write("generic.csv", "model,scale,task,metric,score\na,1e9,t,acc,0.5\n"),
            ["{losses}"] = csv.Write("losses.csv", "model,tokens,task,metric,loss\na,1e9,lm,val,3.2\nb,2e9,lm,val,3.0\n"),
            ["{lossscore}"] = csv.Write("lossscore.csv", "model,tokens,task,metric,score\na,1e9,lm,val,3.2\nb,2e9,lm,val,0\n"),
            ["{two}"] = csv.Write("two.csv", "model,params,task,metric,score\na,1e9,t,acc,0.5\nb,2e9,t,acc,0.6\n"),
            ["{dir}"] = csv.Directory,
            ["{runs}"] = csv.Path,
            ["{bad}"] = csv.Write("bad.csv", "N,D,loss\n1e8,2e9,3\n2e8,2e9,oops\n"),
            ["{nan}"] = csv.Write("nan.csv", "N,D,loss\n1e8,2e9,nan\n"),
            ["{zero}"] = csv.Write("zero.csv", "N,D,loss\n0,2e9,3\n"),
            ["{few}"] = csv.Write("few.csv", "N,D,loss\n1e8,2e9,3\n2e8,2e9,2.9\n3e8,2e9,2.8\n"),
            ["{moe}"] = csv.Write("moe.json", "{\"law\":\"moe-fine-grained\",\"c\":1.7,\"a\":400,\"alpha\":0.33,\"b\":400,\"beta\":0.3,\"g\":80,\"gamma\":0.6}"),
        };
        var resolved = args.Select(a => files.Aggregate(a, (s, f) => s.Replace(f.Key, f.Value))).ToArray();
        var result = CliRunner.Run(resolved);
        Assert.True(result.ExitCode == 2, $"{name}: exit code {result.ExitCode}, stderr: {result.Error}");
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("scalesim: error: ", result.Error);
        Assert.Equal("", result.Out);
    }
}
