#:project ../src/ScaleSim/ScaleSim.csproj

// ScaleSim as a library, in a .NET 10 file-based app: `dotnet run examples/fit-and-plan.cs [RUNS.csv] [FLOPS]`.
// Fits Hoffmann et al.'s Approach 3 to logged runs (by default Epoch AI's reconstruction of the Chinchilla runs, the
// five highest-loss points dropped as Epoch did) and plans a compute budget under the fitted law.
using System.Globalization;
using ScaleSim.Fitting;
using ScaleSim.Laws;
using ScaleSim.Planning;
using ScaleSim.Runs;

string file = args.Length > 0 ? args[0] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", "data", "chinchilla_epoch_reconstruction.csv");
double flops = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5.76e23;

var runs = RunTableLoader.Load(file).ExcludeTopLoss(5);
var fit = MultiStartFitter.Fit(new ChinchillaLseModel(), FitData.FromRuns(runs), source: runs.Source);
var law = (ChinchillaLaw)fit.Law;
Console.WriteLine(FormattableString.Invariant(
    $"fitted to {fit.Points} runs: E = {law.E:F4}, A = {law.A:F1}, B = {law.B:F1}, alpha = {law.Alpha:F4}, beta = {law.Beta:F4}"));
Console.WriteLine(FormattableString.Invariant($"N_opt ∝ C^{law.ParamsExponent:F3}, D_opt ∝ C^{law.TokensExponent:F3}"));

var plan = ComputePlanner.For(law).Optimal(flops);
Console.WriteLine(FormattableString.Invariant(
    $"at {plan.Flops:0.00e+00} FLOPs: N = {plan.Params:0.00e+00} parameters, D = {plan.Tokens:0.00e+00} tokens ({plan.TokensPerParam:F1} per parameter), loss {plan.Loss:F4}"));
