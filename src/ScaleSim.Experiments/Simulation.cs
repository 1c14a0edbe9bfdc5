using System.Diagnostics;
using ScaleSim.Analysis;
using ScaleSim.Experiments.Grids;
using ScaleSim.Experiments.Ladder;
using ScaleSim.Experiments.Reports;
using ScaleSim.Experiments.Robustness;
using ScaleSim.Flops;
using ScaleSim.Laws;
using ScaleSim.Tasks;
using ScaleSim.Training.Data;
using ScaleSim.Training.Sweeps;
using ScaleSim.Training.Sweeps.Claims;
using ScaleSim.Training.Sweeps.Cluster;
using ScaleSim.Training.Tasks;

namespace ScaleSim.Experiments;

/// <summary>
/// An experiment end to end, the pipeline behind <c>scalesim simulate</c>: plan the runs, train them (resumably, through
/// <see cref="SweepRunner"/>), read the completed runs back from the sweep directory, analyse them, and — with a report
/// directory — write the report, its figures, the tables and <c>result.json</c>. An IsoFLOP experiment is analysed with
/// Hoffmann et al.'s three approaches under both parameter conventions; a size sweep on task data as task curves.
/// While other workers (a cluster job array) still train runs of the sweep, the runs completed so far are analysed and
/// the result's notes say so; with <see cref="SimulationOptions.Train"/> off nothing is trained here at all.
/// </summary>
public static class Simulation
{
    /// <summary>Runs <paramref name="experiment"/>; cancelling stops every active run at its next step, leaving it resumable.</summary>
    public static SimulationResult Run(ExperimentDefinition experiment, SimulationOptions options, ISimulationObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        if (options.ParallelRuns <= 0) throw InputException.About($"{InputName.Of("parallel_runs")} must be positive, got {options.ParallelRuns}");
        if (options.Resamples < 2) throw InputException.About($"{InputName.Of("resamples")} must be at least 2, got {options.Resamples}");
        if (experiment is SizeSweepExperiment && experiment.Data.Kind != DataSourceKind.Tasks)
            throw new InputException($"{experiment.Name}: a size sweep reports task curves, so its data must be a 'tasks:…' spec (got '{experiment.Data}')");

        var plan = SweepPlanner.Plan(experiment);
        observer?.Planned(plan, options);
        var watch = Stopwatch.StartNew();
        var progress = observer is null ? null : new SweepProgress(observer);
        var outcomes = options.Train
            ? SweepRunner.Run(plan, options.RunsDirectory, options.ParallelRuns, progress, cancellationToken, device: options.Device)
            : StoreOutcomes(plan, options.RunsDirectory);
        var sweep = new SweepOutcome(plan, outcomes, watch.Elapsed.TotalSeconds, options.ParallelRuns);
        if (sweep.Interrupted) return new InterruptedSimulation(experiment, sweep);

        SimulationResult result = experiment switch
        {
            IsoFlopExperiment isoFlop => AnalyseIsoFlop(isoFlop, sweep, options, observer),
            SizeSweepExperiment sizes => AnalyseTasks(sizes, sweep, options, observer),
            TrainingGridExperiment grid => AnalyseGrid(grid, sweep, options, observer),
            ProtocolLadderExperiment ladder => AnalyseLadder(ladder, sweep, options, observer),
            _ => throw new ArgumentException($"unknown experiment kind {experiment.GetType().Name}", nameof(experiment)),
        };
        if (options.ReportDirectory is { } reportDirectory)
        {
            observer?.Stage($"writing the report into {reportDirectory}");
            SimulationReportWriter.Write(result, options.RunsDirectory, reportDirectory, options.Command, options.Figures);
        }
        return result;
    }

    private static IsoFlopSimulationResult AnalyseIsoFlop(IsoFlopExperiment experiment, SweepOutcome sweep, SimulationOptions options, ISimulationObserver? observer)
    {
        var store = SweepResults.Load(options.RunsDirectory);
        var notes = new List<string>();
        var analyses = new List<ConventionAnalysis>();
        // The experiment's own convention first: it placed the sizes and budgets.
        var own = experiment.Convention;
        var analysisOptions = new AnalysisOptions { Resamples = options.Resamples, BacktestExtrapolation = experiment.Targets.BacktestExtrapolation };
        foreach (var convention in new[] { own, own == ParameterConvention.Total ? ParameterConvention.NonEmbedding : ParameterConvention.Total })
        {
            observer?.Stage($"analysing the runs with N counted as {convention.Name()} parameters");
            var input = store.ForScalingAnalysis(convention, experiment.Batch.MinSteps);
            if (analyses.Count == 0) notes.AddRange(input.Runs.Warnings.Concat(input.Notes));
            var analysis = ScalingAnalysis.Run(input, analysisOptions with { EntropyFloor = input.EntropyFloor });
            analyses.Add(new ConventionAnalysis(convention, input, analysis));
        }
        observer?.Stage("rerunning the analysis under each alternative choice (the robustness table)");
        var robustness = RobustnessTable.Build(store, experiment, analysisOptions with { EntropyFloor = analyses[0].Input.EntropyFloor });
        double coreSeconds = SweepCost.CoreSeconds(sweep.Plan, options.RunsDirectory);
        return new IsoFlopSimulationResult(experiment, sweep, notes, analyses, SimulationTargets.Evaluate(experiment, analyses), coreSeconds) { Robustness = robustness };
    }

    private static TaskSweepSimulationResult AnalyseTasks(SizeSweepExperiment experiment, SweepOutcome sweep, SimulationOptions options, ISimulationObserver? observer)
    {
        var source = (TaskSource)experiment.Data.Open();
        var runs = sweep.Plan.Runs.Select(r => (Run: r, Summary: SweepRunner.CompletedSummary(Path.Combine(options.RunsDirectory, r.Id))))
            .Where(r => r.Summary?.Tasks is not null)
            .Select(r => new ScoredRun(r.Run, r.Summary!))
            .ToList();
        if (runs.Count < 3) throw new InputException($"{options.RunsDirectory}: {runs.Count} runs completed with task scores; the task curves need at least 3");
        observer?.Stage("fitting and classifying the task curves");
        var table = TaskTableLoader.Load(Path.Combine(options.RunsDirectory, SweepResults.TasksFile), new TaskColumns(ScaleVariable.Params));
        var curveOptions = new TaskCurveOptions { Bootstrap = options.Resamples };
        var curves = table.Curves().Select(c => TaskCurveAnalysis.Analyze(c, curveOptions)).ToList();
        // An IsoFLOP analysis hears this from SweepResults; the task table does not know the plan.
        IReadOnlyList<string> notes = sweep.Unfinished.Count == 0 ? table.Warnings
            : [$"{options.RunsDirectory}: sweep in progress: {sweep.Unfinished.Count} of the {sweep.Plan.Runs.Count} planned runs are not completed yet (held by other workers or pending); using the {runs.Count} completed", .. table.Warnings];
        return new TaskSweepSimulationResult(experiment, sweep, notes, source, runs, table, curves);
    }

    private static TrainingGridSimulationResult AnalyseGrid(TrainingGridExperiment experiment, SweepOutcome sweep, SimulationOptions options, ISimulationObserver? observer)
    {
        observer?.Stage("reading the grid's final losses");
        var result = TrainingGridAnalysis.Run(experiment, sweep, options.RunsDirectory);
        if (result.Cells.Count == 0) throw new InputException($"{options.RunsDirectory}: no run of the grid {experiment.Name} is completed");
        if (sweep.Unfinished.Count > 0)
            return result with { Notes = [$"{options.RunsDirectory}: sweep in progress: {sweep.Unfinished.Count} of the {sweep.Plan.Runs.Count} planned runs are not completed yet (held by other workers or pending)", .. result.Notes] };
        return result;
    }

    private static ProtocolLadderSimulationResult AnalyseLadder(ProtocolLadderExperiment experiment, SweepOutcome sweep, SimulationOptions options, ISimulationObserver? observer)
    {
        observer?.Stage("fitting IsoFLOP parabolas to every step of the ladder");
        var (steps, conventions, notes) = ProtocolLadderAnalysis.Run(experiment, sweep.Plan, options.RunsDirectory, new AnalysisOptions { Resamples = options.Resamples });
        return new ProtocolLadderSimulationResult(experiment, sweep, notes, steps, conventions, SweepCost.CoreSeconds(sweep.Plan, options.RunsDirectory));
    }

    // Training left to the sweep's workers: each run as the store has it, completed runs as completed.
    private static IReadOnlyList<(PlannedRun Run, RunOutcome Outcome)> StoreOutcomes(SweepPlan plan, string directory)
    {
        var status = SweepStatus.Read(plan, directory, new ClaimOptions());
        return plan.Runs.Select((run, i) => (run, status.Runs[i].State switch
        {
            SweepRunState.Completed => RunOutcome.AlreadyCompleted,
            SweepRunState.Diverged => RunOutcome.Diverged,
            SweepRunState.Claimed or SweepRunState.Running => RunOutcome.Busy,
            _ => RunOutcome.Pending,
        })).ToList();
    }

    private sealed class SweepProgress(ISimulationObserver observer) : IProgress<SweepEvent>
    {
        public void Report(SweepEvent value) => observer.Sweep(value);
    }
}
