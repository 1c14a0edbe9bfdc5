using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ScaleSim.Cli.Tests;

/// <summary>
/// <c>analyze</c> on tables the way other people log them: fine budget grids with or without a budget column, plans at
/// larger budgets with intervals and a law file for <c>plan</c>, tables that mix experiments, and bad tables.
/// </summary>
public class AnalyzeLoggedRunsTests
{
    private const double E = 1.8172, A = 482.01, B = 2085.43, Alpha = 0.3478, Beta = 0.3658;

    private static double Loss(double n, double d) => E + A / Math.Pow(n, Alpha) + B / Math.Pow(d, Beta);

    /// <summary>Budgets 1.2× apart from 1e18, 3 to 10 sizes each over 16× around √(C/120), seeded 0.5% noise.</summary>
    private static string FineGrid(int budgets, bool budgetColumn, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(budgetColumn ? "params,tokens,flops,loss,C_budget\n" : "params,tokens,flops,loss\n");
        for (int k = 0; k < budgets; k++)
        {
            double c = 1e18 * Math.Pow(1.2, k);
            int sizes = 3 + k % 8;
            for (int j = 0; j < sizes; j++)
            {
                double n = Math.Sqrt(c / 120) * Math.Pow(16, j / (sizes - 1.0) - 0.5), d = c / (6 * n);
                double loss = Loss(n, d) * Math.Exp(0.005 * (2 * random.NextDouble() - 1));
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{c:R},{loss:R}");
                text.Append(budgetColumn ? FormattableString.Invariant($",{c:R}\n") : "\n");
            }
        }
        return text.ToString();
    }

    [Fact]
    public void AGridOfTwentySixBudgetsOneAndAFifthApartIsFoundWithOrWithoutABudgetColumn()
    {
        using var csv = new SyntheticCsv();
        foreach (bool column in new[] { false, true })
        {
            var result = CliRunner.Run("analyze", csv.Write($"grid-{column}.csv", FineGrid(26, column)), "--bootstrap", "20", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            var json = JsonNode.Parse(result.Out)!;
            var grouping = json["grouping"]!;
            Assert.Equal(26, grouping["budgets"]!.GetValue<int>());
            Assert.Equal(26, grouping["profiles"]!.GetValue<int>());
            Assert.Empty(grouping["unassigned_lines"]!.AsArray());
            Assert.Equal(column ? "C_budget" : null, grouping["column"]?.GetValue<string>());
            Assert.InRange(json["approach2"]!["a"]!.GetValue<double>(), Beta / (Alpha + Beta) - 0.02, Beta / (Alpha + Beta) + 0.02);
            Assert.Equal(26, json["approach2"]!["points"]!.GetValue<int>());
        }
    }

    [Fact]
    public void ANamedBudgetColumnAndATolerance()
    {
        using var csv = new SyntheticCsv();
        string path = csv.Write("grid.csv", FineGrid(8, budgetColumn: true).Replace("C_budget", "grid_point"));
        var named = CliRunner.Run("analyze", path, "--budget", "grid_point", "--bootstrap", "0", "--json");
        Assert.True(named.ExitCode == 0, named.Error);
        Assert.Equal("grid_point", JsonNode.Parse(named.Out)!["grouping"]!["column"]!.GetValue<string>());
        // A tolerance wider than the grid's spacing merges neighbouring budgets (and says so: fewer budgets).
        var wide = CliRunner.Run("analyze", path, "--budget-tolerance", "0.3", "--bootstrap", "0", "--json");
        Assert.True(wide.ExitCode == 0, wide.Error);
        Assert.InRange(JsonNode.Parse(wide.Out)!["grouping"]!["budgets"]!.GetValue<int>(), 1, 7);
        var missing = CliRunner.Run("analyze", path, "--budget", "nope");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no column 'nope' (given by --budget)", missing.Error);
    }

    [Fact]
    public void PredictionsCarryIntervalsAndTheLawFileTakesThemToPlan()
    {
        using var csv = new SyntheticCsv();
        string runs = csv.Write("grid.csv", FineGrid(20, budgetColumn: false));
        string lawFile = Path.Combine(csv.Directory, "law.json");
        var result = CliRunner.Run("analyze", runs, "--bootstrap", "50", "--predict-at", "1e22,3e23", "--out", lawFile, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonNode.Parse(result.Out)!;
        foreach (var key in new[] { "approach1", "approach2", "approach3" })
        {
            var predictions = json[key]!["prediction"]!.AsArray();
            Assert.Equal([1e22, 3e23], predictions.Select(p => p!["flops"]!.GetValue<double>()));
            foreach (var p in predictions)
            {
                double n = p!["params"]!.GetValue<double>(), d = p["tokens"]!.GetValue<double>();
                Assert.InRange(n, p["ci95"]!["params"]![0]!.GetValue<double>(), p["ci95"]!["params"]![1]!.GetValue<double>());
                Assert.InRange(d, p["ci95"]!["tokens"]![0]!.GetValue<double>(), p["ci95"]!["tokens"]![1]!.GetValue<double>());
                Assert.Equal(key == "approach3", p["loss"] is not null);
            }
        }
        // The truth at 1e22 (Hoffmann et al. 2022, Eq. 4) lies within Approach 3's interval.
        double g = Math.Pow(Alpha * A / (Beta * B), 1 / (Alpha + Beta)), trueN = g * Math.Pow(1e22 / 6, Beta / (Alpha + Beta));
        var at1e22 = json["approach3"]!["prediction"]![0]!;
        Assert.InRange(trueN, at1e22["ci95"]!["params"]![0]!.GetValue<double>(), at1e22["ci95"]!["params"]![1]!.GetValue<double>());

        var plan = CliRunner.Run("plan", "--law", lawFile, "--flops", "1e22", "--json");
        Assert.True(plan.ExitCode == 0, plan.Error);
        var planJson = JsonNode.Parse(plan.Out)!;
        Assert.Equal(at1e22["params"]!.GetValue<double>(), planJson["params"]!.GetValue<double>(), 1e-6 * trueN);
        foreach (var key in new[] { "approach1", "approach2", "approach3" })
        {
            var expected = json[key]!["prediction"]![0]!;
            var approach = planJson["approaches"]![key]!;
            Assert.Equal(expected["params"]!.GetValue<double>(), approach["params"]!.GetValue<double>(), 1e-9 * trueN);
            Assert.Equal(expected["ci95"]!["params"]![0]!.GetValue<double>(), approach["ci95"]!["params"]![0]!.GetValue<double>(), 1e-6 * trueN);
        }
        var table = CliRunner.Run("plan", "--law", lawFile, "--flops", "1e22");
        Assert.Contains("the same budget by each approach of the analysed sweep", table.Out);
    }

    [Fact]
    public void ATableThatMixesTwoExperimentsIsReportedAndStillAnalysed()
    {
        // The same runs twice, once with loss L and once with e^L: the mistake of logging two quantities in one column.
        using var csv = new SyntheticCsv();
        var lines = FineGrid(8, budgetColumn: false).TrimEnd('\n').Split('\n');
        var text = new StringBuilder(string.Join('\n', lines) + "\n");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            text.Append(CultureInfo.InvariantCulture, $"{cells[0]},{cells[1]},{cells[2]},{Math.Exp(double.Parse(cells[3], CultureInfo.InvariantCulture)):R}\n");
        }
        var result = CliRunner.Run("analyze", csv.Write("mixed.csv", text.ToString()), "--bootstrap", "10", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"mixed.csv lines 2 and {lines.Length + 1}: same N and D, loss ", result.Error);
        Assert.Contains(": does the table mix experiments?", result.Error);
        Assert.Contains("the law does not fit these runs", result.Error);
        Assert.DoesNotContain("--", result.Error);
        var warnings = JsonNode.Parse(result.Out)!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.Contains("the law does not fit these runs"));
    }

    [Fact]
    public void ARunsTableThatTheLawFitsGetsNoWarning()
    {
        using var csv = new SyntheticCsv();
        var result = CliRunner.Run("analyze", csv.Write("grid.csv", FineGrid(12, budgetColumn: true)), "--bootstrap", "10", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(JsonNode.Parse(result.Out)!["warnings"]!.AsArray());
        Assert.DoesNotContain("does not fit", result.Error);
    }

    public static TheoryData<string, string, string[], string> BadTables => new()
    {
        { "bad loss cell", "N,D,loss\n1e8,2e9,2.5\n2e8,1e9,x\n", [], "bad.csv line 3, column 'loss' (loss): 'x' is not a number" },
        { "bad budget cell", "N,D,loss,budget\n1e8,2e9,2.5,1e18\n2e8,1e9,2.4,lots\n", [], "bad.csv line 3, column 'budget' (IsoFLOP budget): 'lots' is not a positive number of FLOPs" },
        { "ragged row", "N,D,loss\n1e8,2e9,2.5\n2e8,1e9\n", [], "bad.csv line 3: 2 fields, but the header has 3" },
        { "bad prediction budget", "N,D,loss\n1e8,2e9,2.5\n", ["--predict-at", "1e22,soon"], "--predict-at: 'soon' is not a number" },
        { "bad tolerance", "N,D,loss\n1e8,2e9,2.5\n2e8,1e9,2.4\n3e8,7e8,2.45\n4e8,5e8,2.5\n5e8,4e8,2.6\n6e8,3e8,2.7\n", ["--budget-tolerance", "2"], "--budget-tolerance must be a fraction between 0 and 1" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public void ABadTableGetsOneLineNamingTheFileAndRow(string what, string content, string[] options, string expected)
    {
        using var csv = new SyntheticCsv();
        var result = CliRunner.Run(["analyze", csv.Write("bad.csv", content), "--bootstrap", "0", .. options]);
        Assert.True(result.ExitCode == 2, $"{what}: exit {result.ExitCode}: {result.Error}");
        Assert.Empty(result.Out);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("scalesim: error: ", result.Error);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void TrainingCurvesFromALogFeedApproach1()
    {
        // Five budgets of five sizes; each run logs its loss every 100 steps of 1e6 tokens (the law's loss at that many tokens).
        using var csv = new SyntheticCsv();
        var runs = new StringBuilder("run,N,D,loss,steps\n");
        var log = new StringBuilder("run,step,val_loss\n");
        int id = 0;
        foreach (double c in new[] { 1e18, 3e18, 1e19, 3e19, 1e20 })
            for (int k = 0; k < 5; k++, id++)
            {
                double n = Math.Sqrt(c / 120) * Math.Pow(8, k / 4.0 - 0.5), d = c / (6 * n), steps = Math.Round(d / 1e6);
                runs.Append(CultureInfo.InvariantCulture, $"r{id},{n:R},{d:R},{Loss(n, d):R},{steps}\n");
                for (double step = 100; step <= steps; step += 100)
                    log.Append(CultureInfo.InvariantCulture, $"r{id},{step},{Loss(n, step * d / steps):R}\n");
            }
        string runsPath = csv.Write("runs-with-names.csv", runs.ToString()), logPath = csv.Write("log.csv", log.ToString());
        var withCurves = CliRunner.Run("analyze", runsPath, "--curves", logPath, "--bootstrap", "10", "--json");
        Assert.True(withCurves.ExitCode == 0, withCurves.Error);
        Assert.DoesNotContain("no training curves", withCurves.Error);
        var without = CliRunner.Run("analyze", runsPath, "--bootstrap", "10", "--json");
        Assert.Contains("no training curves", without.Error);
        int curvePoints = JsonNode.Parse(withCurves.Out)!["approach1"]!["points"]!.GetValue<int>();
        int finalPoints = JsonNode.Parse(without.Out)!["approach1"]!["points"]!.GetValue<int>();
        Assert.True(curvePoints > 10 * finalPoints, $"{curvePoints} envelope points from curves, {finalPoints} from final losses");
        var missing = CliRunner.Run("analyze", runsPath, "--curves", csv.Write("bad-log.csv", "run,step,val_loss\nr0,100,oops\n"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("bad-log.csv line 2, column 'val_loss' (loss): 'oops' is not a number", missing.Error);
    }

    [Fact]
    public void KaplansLearningCurveLawIsFittedToTrainingCurvesWithIntervals()
    {
        // Kaplan et al. 2020, Table 3 and Table 5: α_N 0.077, N_c 6.5e13, α_S 0.76, S_c 2.1e3, B* 2.1e8, α_B 0.21.
        using var csv = new SyntheticCsv();
        var random = new Random(3);
        var text = new StringBuilder("run,params,step,batch_tokens,loss\n");
        for (int k = 0; k < 6; k++)
        {
            double n = 1e6 * Math.Pow(10, k * 0.6);
            for (int j = 0; j < 20; j++)
            {
                double step = Math.Round(300 * Math.Pow(100, j / 19.0)), batch = 524288;
                double loss = KaplanLoss(n, step, batch) * Math.Exp(0.005 * (2 * random.NextDouble() - 1));
                text.Append(CultureInfo.InvariantCulture, $"n{k},{n:R},{step},{batch},{loss:R}\n");
            }
        }
        var result = CliRunner.Run("fit", csv.Write("curves.csv", text.ToString()), "--law", "kaplan-ns", "--bootstrap", "50", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("kaplan-ns", json["law"]!.GetValue<string>());
        Assert.InRange(json["alpha_N"]!.GetValue<double>(), 0.067, 0.087);
        Assert.InRange(json["alpha_S"]!.GetValue<double>(), 0.68, 0.84);
        Assert.Equal(2.1e8, json["B_star"]!.GetValue<double>());
        Assert.Equal(2, json["ci95"]!["alpha_S"]!.AsArray().Count);
        var noSteps = CliRunner.Run("fit", csv.Write("no-steps.csv", "params,tokens,loss\n1e8,2e9,3\n2e8,2e9,2.9\n3e8,2e9,2.8\n4e8,2e9,2.7\n5e8,3e9,2.6\n"), "--law", "kaplan-ns");
        Assert.Equal(2, noSteps.ExitCode);
        Assert.Contains("needs each point's optimizer step and batch", noSteps.Error);
    }

    /// <summary>L(N, S) at batch B: the root of L = (N_c/N)^α_N + (S_c/S_min(L))^α_S, S_min = S/(1 + B*·L^(−1/α_B)/B) (Kaplan et al. 2020, Eqs. 1.6, 5.3, 5.4).</summary>
    private static double KaplanLoss(double n, double steps, double batch)
    {
        double low = 0.5, high = 50;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (low + high);
            double sMin = steps / (1 + 2.1e8 * Math.Pow(mid, -1 / 0.21) / batch);
            double rhs = Math.Pow(6.5e13 / n, 0.077) + Math.Pow(2.1e3 / sMin, 0.76);
            if (mid < rhs) low = mid; else high = mid;
        }
        return 0.5 * (low + high);
    }

    [Fact]
    public void BudgetAndCurvesOptionsDoNotApplyToASweepDirectory()
    {
        string sweep = Path.Combine(Root(), "experiments", "tiny-chinchilla");
        var result = CliRunner.Run("analyze", sweep, "--budget", "budget");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--budget map the columns of a runs file", result.Error);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScaleSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ScaleSim.sln above the test directory");
    }
}
