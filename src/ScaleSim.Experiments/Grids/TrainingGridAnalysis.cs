using ScaleSim.Fitting;
using ScaleSim.Training.Sweeps;

namespace ScaleSim.Experiments.Grids;

/// <summary>Reads a training grid's completed runs and measures what it was for: the best learning rate per setting, and
/// branches against cosine runs.</summary>
public static class TrainingGridAnalysis
{
    /// <summary>Bootstrap resamples of the schedule comparison's interval.</summary>
    public const int Resamples = 2000;

    /// <summary>Analyses the completed runs of <paramref name="sweep"/> in <paramref name="directory"/>.</summary>
    public static TrainingGridSimulationResult Run(TrainingGridExperiment experiment, SweepOutcome sweep, string directory)
    {
        var cells = new List<GridCell>();
        foreach (var run in sweep.Plan.Runs.Where(r => r.Role == RunRole.Grid))
        {
            if (SweepRunner.CompletedSummary(Path.Combine(directory, run.Id)) is not { FinalValidationLoss: { } loss }) continue;
            cells.Add(new GridCell(run, run.Schedule is null ? ScheduleKind.Cosine : ScheduleKind.WarmupStableDecay,
                run.LearningRateNumerator ?? experiment.LearningRateNumerator, loss));
        }
        int planned = sweep.Plan.Runs.Count(r => r.Role == RunRole.Grid);
        var notes = new List<string>();
        if (cells.Count < planned) notes.Add($"{planned - cells.Count} of the {planned} grid runs are not completed; the tables use the {cells.Count} that are");

        var optima = cells.GroupBy(c => (c.Schedule, c.Tokens, c.Batch, c.Width))
            .OrderBy(g => g.Key.Schedule).ThenBy(g => g.Min(c => c.Run.Tokens)).ThenBy(g => g.Key.Batch).ThenBy(g => g.Key.Width)
            .Select(g => new LearningRateOptimum(g.Key.Schedule, g.Key.Tokens, g.Key.Batch, g.Key.Width,
                g.GroupBy(c => c.Numerator).OrderBy(n => n.Key).Select(n => (n.Key, n.Average(c => c.Loss), n.Count())).ToList()))
            .ToList();
        // The same comparison on the runs an IsoFLOP analysis would keep: step-starved runs sit on the early plateau,
        // where a few hundred steps more or less of either schedule move the loss by tens of percent.
        var longRuns = Compare(cells.Where(c => c.Run.Steps >= experiment.Batch.MinSteps).ToList());
        return new TrainingGridSimulationResult(experiment, sweep, notes, cells, optima, Compare(cells), SweepCost.CoreSeconds(sweep.Plan, directory))
        {
            LongRunComparison = longRuns is not null && longRuns.Pairs.Count < cells.Count(c => c.Schedule == ScheduleKind.WarmupStableDecay) ? longRuns : null,
        };
    }

    /// <summary>Pairs each branch with the cosine run of the same cell and seed; null without both schedules.</summary>
    public static ScheduleComparison? Compare(IReadOnlyList<GridCell> cells)
    {
        var cosine = cells.Where(c => c.Schedule == ScheduleKind.Cosine).ToDictionary(c => (c.Width, c.TokensPerParam, c.Numerator, c.Batch, c.Seed));
        var pairs = cells.Where(c => c.Schedule == ScheduleKind.WarmupStableDecay)
            .Where(c => cosine.ContainsKey((c.Width, c.TokensPerParam, c.Numerator, c.Batch, c.Seed)))
            .Select(c => (c.Width, c.TokensPerParam, c.Numerator, c.Batch, c.Seed, Difference: c.Loss / cosine[(c.Width, c.TokensPerParam, c.Numerator, c.Batch, c.Seed)].Loss - 1))
            .OrderBy(p => p.Width).ThenBy(p => p.TokensPerParam).ThenBy(p => p.Numerator).ThenBy(p => p.Batch).ThenBy(p => p.Seed)
            .ToList();
        if (pairs.Count == 0) return null;
        var strata = pairs.Select((p, i) => (p, i)).GroupBy(x => (x.p.Width, x.p.TokensPerParam)).Select(g => g.Select(x => x.i).ToArray()).ToArray();
        // Pairs resampled within each width and token ratio, so every cell of the design keeps its weight.
        var means = BootstrapResampler.Run(Resamples, 0, new ParallelOptions(), random =>
            strata.SelectMany(s => s.Select(_ => pairs[s[random.Next(s.Length)]].Difference)).Average());
        Array.Sort(means);
        var interval = pairs.Count < 2 ? (pairs[0].Difference, pairs[0].Difference)
            : (Percentiles.Interpolated(means, Percentiles.Lower95), Percentiles.Interpolated(means, Percentiles.Upper95));
        return new ScheduleComparison(pairs, pairs.Average(p => p.Difference), interval);
    }
}
