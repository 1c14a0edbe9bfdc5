using System.Globalization;
using ScaleSim.Analysis;
using ScaleSim.Flops;
using ScaleSim.Runs;

namespace ScaleSim.Training.Sweeps;

/// <summary>
/// A sweep directory read back: its runs.csv as typed <see cref="SweepRunRecord"/>s and its curves.csv as
/// <see cref="SweepCurvePoint"/>s, the tables <see cref="SweepTables"/> writes. The directory is the sweep's store: it
/// holds the completed runs whichever process trained them, so reading it while a sweep still runs sees the runs
/// completed so far.
/// </summary>
public sealed class SweepResults
{
    /// <summary>The runs table's file name.</summary>
    public const string RunsFile = "runs.csv";

    /// <summary>The training curves' file name.</summary>
    public const string CurvesFile = "curves.csv";

    /// <summary>The task table's file name (sweeps on task data).</summary>
    public const string TasksFile = "tasks.csv";

    private readonly RawTable _runsTable;

    private SweepResults(string directory, RawTable runsTable, IReadOnlyList<SweepRunRecord> runs, IReadOnlyList<SweepCurvePoint>? curves)
    {
        Directory = directory;
        _runsTable = runsTable;
        Runs = runs;
        Curves = curves;
        InProgressNote = InProgress(directory, runs);
    }

    /// <summary>
    /// Said when the store's experiment.json plans runs that are neither in runs.csv nor diverged: the sweep is still
    /// running (or was stopped), and what is read here is the runs completed so far. Null when it is finished or when
    /// the directory holds no experiment.json to tell.
    /// </summary>
    public string? InProgressNote { get; }

    /// <summary>The sweep directory.</summary>
    public string Directory { get; }

    /// <summary>Every completed run, in plan order.</summary>
    public IReadOnlyList<SweepRunRecord> Runs { get; }

    /// <summary>Every validation of every completed run, or null when the directory has no curves.csv.</summary>
    public IReadOnlyList<SweepCurvePoint>? Curves { get; }

    /// <summary>The task table, when the runs were scored on tasks.</summary>
    public string? TasksPath => File.Exists(Path.Combine(Directory, TasksFile)) ? Path.Combine(Directory, TasksFile) : null;

    /// <summary>Whether <paramref name="path"/> is a directory holding a sweep's runs table.</summary>
    public static bool IsSweepDirectory(string path) => System.IO.Directory.Exists(path);

    /// <summary>Reads the tables of the sweep in <paramref name="directory"/>; every bad cell fails naming the file, line and column.</summary>
    public static SweepResults Load(string directory)
    {
        string runsPath = Path.Combine(directory, RunsFile);
        if (!File.Exists(runsPath)) throw new InputException($"{directory}: no {RunsFile} in this directory");
        var raw = RawTable.Read(runsPath);
        var runs = Enumerable.Range(0, raw.Rows.Count).Select(r => ReadRun(new Row(raw, r))).ToList();
        string curvesPath = Path.Combine(directory, CurvesFile);
        IReadOnlyList<SweepCurvePoint>? curves = null;
        if (File.Exists(curvesPath))
        {
            var rawCurves = RawTable.Read(curvesPath);
            curves = Enumerable.Range(0, rawCurves.Rows.Count).Select(r => ReadCurvePoint(new Row(rawCurves, r))).ToList();
        }
        return new SweepResults(directory, raw, runs, curves);
    }

    /// <summary>
    /// The runs under a parameter convention, ready for <see cref="ScalingAnalysis"/>: N counted as total or
    /// non-embedding parameters and C = 6·N·D from that N, so compute and size use one convention; grouped by their
    /// budgets, curves attached, and the rules of <see cref="ScalingAnalysisInput.Prepare"/> applied. With
    /// <paramref name="include"/>, only the runs it accepts (for instance those at one batch).
    /// </summary>
    public ScalingAnalysisInput ForScalingAnalysis(ParameterConvention convention, int minSteps = 0, Func<SweepRunRecord, bool>? include = null)
    {
        var columns = new RunColumns(SweepColumns.ParamsOf(convention), SweepColumns.Tokens, Loss: SweepColumns.Loss, DeriveFlops: true);
        var table = RunTableLoader.FromRaw(_runsTable, columns, FlopModels.SixN);
        var kept = Enumerable.Range(0, Runs.Count).Where(i => include?.Invoke(Runs[i]) ?? true).ToArray();
        var annotations = new RunAnnotations(
            Runs.Select(r => (string?)r.Run).ToList(),
            Runs.Select(r => r.Budget).ToList(),
            Runs.Select(r => (double?)r.Steps).ToList(),
            Runs.Select(r => r.EntropyFloor).ToList(),
            Runs.Select(r => (string?)r.Seed.ToString(CultureInfo.InvariantCulture)).ToList());
        var curves = Curves?.GroupBy(p => p.Run)
            .Select(g => TrainingCurve.FromPoints(g.Key, g.Select(p =>
                (Params: (double)(convention == ParameterConvention.Total ? p.Params : p.NonEmbeddingParams), Tokens: (double)p.Tokens, Flops: (double?)null, p.Loss))))
            .ToList();
        if (kept.Length < Runs.Count)
        {
            table = table.Select(kept);
            annotations = annotations.Select(kept);
        }
        var input = ScalingAnalysisInput.Prepare(table, annotations, curves, minSteps);
        return InProgressNote is null ? input : input with { Notes = [InProgressNote, .. input.Notes] };
    }

    private static string? InProgress(string directory, IReadOnlyList<SweepRunRecord> tabled)
    {
        string experimentPath = Path.Combine(directory, SweepStore.ExperimentFile);
        if (!File.Exists(experimentPath)) return null;
        SweepPlan plan;
        try
        {
            plan = SweepPlanner.Plan(ExperimentDefinition.Load(experimentPath));
        }
        catch (InputException)
        {
            return null;
        }
        var inTable = tabled.Select(r => r.Run).ToHashSet(StringComparer.Ordinal);
        var points = plan.Runs.Where(r => r.Role != RunRole.Stem).ToList();
        int unfinished = points.Count(r => !inTable.Contains(r.Id) && !Diverged(Path.Combine(directory, r.Id)));
        return unfinished == 0 ? null
            : $"{directory}: sweep in progress: {unfinished} of the {points.Count} planned runs of {plan.Experiment.Name} are not completed yet; " +
              $"using the {tabled.Count} completed runs in {RunsFile} (sweep status lists the others)";
    }

    private static bool Diverged(string runDirectory)
    {
        try
        {
            return File.Exists(Path.Combine(runDirectory, "config.json")) && Training.Runs.RunDirectory.Open(runDirectory).ReadSummary()?.Status == Training.Runs.RunStatus.Diverged;
        }
        catch (Exception e) when (e is InputException or IOException)
        {
            return false;
        }
    }

    private static SweepRunRecord ReadRun(Row row) => new(
        row.Text(SweepColumns.Run), row.Role(SweepColumns.Role), row.OptionalNumber(SweepColumns.Budget), row.Unsigned(SweepColumns.Seed),
        row.Int(SweepColumns.Layers), row.Int(SweepColumns.DModel), row.Int(SweepColumns.Heads), row.Int(SweepColumns.Context), row.Int(SweepColumns.Batch),
        row.Long(SweepColumns.Steps), row.Long(SweepColumns.Params), row.Long(SweepColumns.NonEmbeddingParams), row.Long(SweepColumns.Tokens),
        row.Number(SweepColumns.Flops), row.Number(SweepColumns.Flops6nd), row.Number(SweepColumns.FlopsKaplan), row.Number(SweepColumns.FlopsHoffmann),
        row.OptionalNumber(SweepColumns.Loss), row.OptionalNumber(SweepColumns.TrainLoss), row.OptionalNumber(SweepColumns.EntropyFloor), row.OptionalNumber(SweepColumns.EntropyRate));

    private static SweepCurvePoint ReadCurvePoint(Row row) => new(
        row.Text(SweepColumns.Run), row.Long(SweepColumns.Params), row.Long(SweepColumns.NonEmbeddingParams), row.Long(SweepColumns.Tokens),
        row.Number(SweepColumns.Flops), row.Number(SweepColumns.Loss));

    /// <summary>One row of a sweep table, read cell by cell with errors naming the file, line and column.</summary>
    private readonly record struct Row(RawTable Table, int Index)
    {
        public string Text(string column) => Table.Rows[Index][Column(column)] ?? "";

        public double Number(string column) => Table.ParseNumber(Index, Column(column), column, requirePositive: false);

        public double? OptionalNumber(string column) => string.IsNullOrEmpty(Text(column)) ? null : Number(column);

        public long Long(string column) => long.TryParse(Text(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : throw Bad(column, "a whole number");

        public int Int(string column) => int.TryParse(Text(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(column, "a whole number");

        public ulong Unsigned(string column) => ulong.TryParse(Text(column), NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : throw Bad(column, "a seed");

        public RunRole Role(string column) => Text(column) switch
        {
            "isoflop" => RunRole.IsoFlop,
            "horizon" => RunRole.Horizon,
            "size" => RunRole.Size,
            "grid" => RunRole.Grid,
            _ => throw Bad(column, "a role (isoflop, horizon, size or grid)"),
        };

        private int Column(string name) => Table.IndexOf(name) is var i and >= 0
            ? i
            : throw new InputException($"{Table.File}: no column '{name}' (a sweep's {Path.GetFileName(Table.File)} has {string.Join(", ", Table.Columns)})");

        private InputException Bad(string column, string what) =>
            new($"{Table.File} line {Table.Lines[Index]}, column '{column}': '{Text(column)}' is not {what}");
    }
}
