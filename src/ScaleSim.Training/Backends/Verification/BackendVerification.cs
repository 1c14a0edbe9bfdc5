using System.Diagnostics;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// Checks a device's training backend for correctness without a test framework, so the same checks run in the unit
/// tests (on ILGPU's CPU accelerator) and on a GPU machine that has only a self-contained build of ScaleSim: against
/// the double-precision reference, against the CPU backend, against finite differences of its own loss, over AdamW
/// steps, run to run and with several runs at once bit-for-bit, whole training runs, and the matmul kernel. The
/// tolerances are the ones the backend unit tests have always used. Nothing is printed; every quantity compared comes
/// back with how close it came to its tolerance.
/// </summary>
public static class BackendVerification
{
    /// <summary>
    /// Runs the checks of <paramref name="options"/>. Throws <see cref="InputException"/> when the device is not present.
    /// A check that fails is reported, not thrown.
    /// </summary>
    public static BackendVerificationReport Run(BackendVerificationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IlgpuDevice? ilgpu = null;
        if (options.Device is TrainingDevice.Cuda or TrainingDevice.OpenCl or TrainingDevice.IlgpuCpu)
        {
            ilgpu = IlgpuDevice.TryOpen(options.Device, out string reason)
                ?? throw InputException.About($"{InputName.Of("device")} {options.Device.ToName()}: {reason} (use {InputName.Of("device")} cpu)");
        }
        return Run(options, (model, batch) => TrainingBackends.Create(options.Device, model, batch), ilgpu, cancellationToken);
    }

    /// <summary>
    /// The checks on backends from <paramref name="create"/> (tests pass backends on accelerators of their own);
    /// the matmul on <paramref name="matmulDevice"/> when given, and whole training runs on <see cref="BackendVerificationOptions.Device"/>.
    /// </summary>
    internal static BackendVerificationReport Run(BackendVerificationOptions options, Func<TinyGpt, int, ITrainingBackend> create,
        IlgpuDevice? matmulDevice, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var kinds = options.Kinds ?? VerificationKinds.All;
        var shapes = options.Shapes ?? VerificationShape.DefaultsFor(options.Device);
        var checks = new List<VerificationCheck>();
        string? backendName = null;
        ITrainingBackend Create(TinyGpt model, int batch)
        {
            var backend = create(model, batch);
            backendName ??= backend.Name;
            return backend;
        }

        foreach (var shape in shapes)
        {
            foreach (var kind in kinds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (kind)
                {
                    case VerificationKind.Reference: checks.AddRange(AgainstReference(shape, Create)); break;
                    case VerificationKind.Cpu: checks.AddRange(AgainstCpu(shape, Create)); break;
                    case VerificationKind.FiniteDifferences: checks.Add(AgainstFiniteDifferences(shape, Create, options)); break;
                    case VerificationKind.Steps: checks.AddRange(StepsAgainstCpu(shape, Create)); break;
                    case VerificationKind.Repeat: checks.AddRange(Repeated(shape, Create)); break;
                    case VerificationKind.Concurrent: checks.Add(Concurrent(shape, Create, options.ConcurrentRuns)); break;
                }
            }
        }
        if (kinds.Contains(VerificationKind.Trainer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            checks.AddRange(TrainerRuns(options.Device));
        }
        if (kinds.Contains(VerificationKind.Matmul) && matmulDevice is not null)
        {
            foreach (bool blocked in new[] { false, true })
            {
                foreach (var c in MatmulCheck.Cases)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    checks.Add(MatmulCheck.Run(matmulDevice, blocked, c.TransposeA, c.TransposeB, c.Bias, c.Addend, c.Accumulate));
                }
            }
        }
        if (backendName is null)
        {
            using var probe = create(VerificationShape.Tiny.Model, VerificationShape.Tiny.Batch);
            backendName = probe.Name;
        }
        return new BackendVerificationReport(options.Device, backendName, checks, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Loss 2e-5 relative, probabilities 2e-6, gradients 1e-4 of each tensor's largest, against the double-precision model.</summary>
    private static IEnumerable<VerificationCheck> AgainstReference(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        var reference = new ReferenceGpt(model, batch);
        var weights = VerificationInputs.Weights(reference.Layout, scale: shape.WeightScale);
        var (inputs, targets) = VerificationInputs.Batch(model, batch);
        var refGrads = new double[weights.Length];
        var refProbs = new double[inputs.Length * model.Vocab];
        double refLoss = reference.Run(Tolerances.Widen(weights), inputs, targets, refGrads, refProbs);

        using var backend = create(model, batch);
        var pass = BackendPass.Run(backend, weights, inputs, targets);
        const VerificationKind kind = VerificationKind.Reference;
        return
        [
            Tolerances.Relative(kind, shape.Name, "loss", pass.Loss, refLoss, 2e-5),
            Tolerances.Absolute(kind, shape.Name, "probabilities", pass.Probabilities, refProbs, 2e-6),
            Tolerances.PerTensor(kind, shape.Name, "gradients", backend.Layout, pass.Gradients, refGrads, 1e-4, 1e-7),
        ];
    }

    /// <summary>Loss and norm 1e-6 relative, probabilities 2e-6, gradients 1e-5 of each tensor's largest, against the CPU backend.</summary>
    private static IEnumerable<VerificationCheck> AgainstCpu(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        using var cpu = new CpuBackend(model, batch, threads: 1);
        var weights = VerificationInputs.Weights(cpu.Layout, scale: shape.WeightScale);
        var (inputs, targets) = VerificationInputs.Batch(model, batch);
        var expected = BackendPass.Run(cpu, weights, inputs, targets);
        using var backend = create(model, batch);
        var actual = BackendPass.Run(backend, weights, inputs, targets);
        const VerificationKind kind = VerificationKind.Cpu;
        return
        [
            Tolerances.Relative(kind, shape.Name, "loss", actual.Loss, expected.Loss, 1e-6),
            Tolerances.Relative(kind, shape.Name, "gradient norm", actual.Norm, expected.Norm, 1e-6),
            Tolerances.Absolute(kind, shape.Name, "probabilities", actual.Probabilities, Tolerances.Widen(expected.Probabilities), 2e-6),
            Tolerances.PerTensor(kind, shape.Name, "gradients", cpu.Layout, actual.Gradients, Tolerances.Widen(expected.Gradients), 1e-5, 1e-9),
        ];
    }

    /// <summary>
    /// A few entries of every tensor against central differences (h = 1e-2) of the backend's own float32 loss:
    /// 3% relative plus 0.2% of the tensor's largest gradient.
    /// </summary>
    private static VerificationCheck AgainstFiniteDifferences(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create, BackendVerificationOptions options)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        using var backend = create(model, batch);
        var weights = VerificationInputs.Weights(backend.Layout, scale: shape.WeightScale);
        var (inputs, targets) = VerificationInputs.Batch(model, batch);
        var grads = BackendPass.Run(backend, weights, inputs, targets).Gradients;

        double Loss(float[] p)
        {
            backend.SetParameters(p);
            return backend.Forward(inputs, targets);
        }

        var rng = new Xoshiro256(options.FiniteDifferenceSeed);
        double worst = 0;
        string detail = "";
        foreach (var tensor in backend.Layout.Tensors)
        {
            var indices = Enumerable.Range(0, options.FiniteDifferenceEntries).Select(_ => tensor.Offset + rng.NextInt(tensor.Length)).ToList();
            double scale = 0;
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++) scale = Math.Max(scale, Math.Abs(grads[i]));
            var (ratio, where) = FiniteDifferenceCheck.Measure(tensor.Name, weights, grads, Loss, indices, h: 1e-2f, relative: 3e-2, absolute: 2e-3 * scale + 1e-5);
            if (ratio >= worst) (worst, detail) = (ratio, where);
        }
        return new VerificationCheck(VerificationKind.FiniteDifferences, shape.Name, $"gradients ({options.FiniteDifferenceEntries} entries per tensor)",
            "3e-2 relative + 2e-3 of the tensor's largest + 1e-5", worst, worst <= 1, detail);
    }

    /// <summary>
    /// Three AdamW steps against the CPU backend's: losses and norms 1e-5 relative, parameters 1e-5 and moments 1e-4 of
    /// each tensor's largest. The key biases' gradient is zero in exact arithmetic (a key bias adds the same q·b to every
    /// score of a query, which the softmax cancels), so both backends step them by AdamW-normalised rounding noise, up
    /// to about η per step in either direction: they are held to 2·steps·η.
    /// </summary>
    private static IEnumerable<VerificationCheck> StepsAgainstCpu(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        var layout = new ParameterLayout(model);
        var weights = VerificationInputs.Weights(layout, scale: shape.WeightScale);
        var (inputs, targets) = VerificationInputs.Batch(model, batch);
        AdamWTrajectory expected, actual;
        using (var cpu = new CpuBackend(model, batch, threads: 1)) expected = AdamWTrajectory.Run(cpu, weights, inputs, targets);
        using (var backend = create(model, batch)) actual = AdamWTrajectory.Run(backend, weights, inputs, targets);

        var keyBiases = new HashSet<int>();
        for (int l = 0; l < model.Layers; l++)
            for (int j = model.DModel; j < 2 * model.DModel; j++) keyBiases.Add(layout.QkvBias.OffsetOf(l) + j);
        var keyIndices = keyBiases.Order().ToArray();
        var keyActual = keyIndices.Select(i => actual.Parameters[i]).ToArray();
        var keyExpected = keyIndices.Select(i => (double)expected.Parameters[i]).ToArray();
        const VerificationKind kind = VerificationKind.Steps;
        return
        [
            Tolerances.RelativeEach(kind, shape.Name, "losses and norms", actual.Trace, expected.Trace, 1e-5),
            Tolerances.PerTensor(kind, shape.Name, "parameters but key biases", layout, actual.Parameters, Tolerances.Widen(expected.Parameters), 1e-5, 1e-9, keyBiases.Contains),
            Tolerances.Absolute(kind, shape.Name, "key biases", keyActual, keyExpected, 2 * AdamWTrajectory.Steps * 1e-2),
            Tolerances.PerTensor(kind, shape.Name, "first moments", layout, actual.FirstMoment, Tolerances.Widen(expected.FirstMoment), 1e-4, 1e-9),
            Tolerances.PerTensor(kind, shape.Name, "second moments", layout, actual.SecondMoment, Tolerances.Widen(expected.SecondMoment), 1e-4, 1e-9),
        ];
    }

    /// <summary>The same three steps on two fresh backends of the device: losses, norms, parameters and moments bit-identical.</summary>
    private static IEnumerable<VerificationCheck> Repeated(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        var weights = VerificationInputs.Weights(new ParameterLayout(model), scale: shape.WeightScale);
        var (inputs, targets) = VerificationInputs.Batch(model, batch);
        AdamWTrajectory first, second;
        using (var backend = create(model, batch)) first = AdamWTrajectory.Run(backend, weights, inputs, targets);
        using (var backend = create(model, batch)) second = AdamWTrajectory.Run(backend, weights, inputs, targets);
        const VerificationKind kind = VerificationKind.Repeat;
        return
        [
            Tolerances.Identical<double>(kind, shape.Name, "losses and norms", first.Trace, second.Trace),
            Tolerances.Identical<float>(kind, shape.Name, "parameters", first.Parameters, second.Parameters),
            Tolerances.Identical<float>(kind, shape.Name, "moments", [.. first.FirstMoment, .. first.SecondMoment], [.. second.FirstMoment, .. second.SecondMoment]),
        ];
    }

    /// <summary>
    /// <paramref name="runs"/> backends, each with its own weights and batch, taking their three steps at once on their
    /// own threads (as a sweep's runs share one device), against each run alone: bit-identical.
    /// </summary>
    private static VerificationCheck Concurrent(VerificationShape shape, Func<TinyGpt, int, ITrainingBackend> create, int runs)
    {
        var (model, batch) = (shape.Model, shape.Batch);
        var layout = new ParameterLayout(model);
        var inputs = Enumerable.Range(0, runs).Select(r => (Weights: VerificationInputs.Weights(layout, seed: 7 + (ulong)r, scale: shape.WeightScale), Batch: VerificationInputs.Batch(model, batch, seed: 3 + (ulong)r))).ToArray();

        var together = new AdamWTrajectory?[runs];
        var failures = new Exception?[runs];
        var backends = new ITrainingBackend[runs];
        try
        {
            for (int r = 0; r < runs; r++) backends[r] = create(model, batch);
            using var start = new Barrier(runs);
            var threads = Enumerable.Range(0, runs).Select(r => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    together[r] = AdamWTrajectory.Run(backends[r], inputs[r].Weights, inputs[r].Batch.Inputs, inputs[r].Batch.Targets);
                }
                catch (Exception e)
                {
                    failures[r] = e;
                }
            }) { IsBackground = true, Name = $"verify-concurrent-{r}" }).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();
        }
        finally
        {
            foreach (var backend in backends) backend?.Dispose();
        }
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            throw new InvalidOperationException($"a concurrent run failed: {failure.Message}", failure);

        var differing = new List<string>();
        int values = 0;
        for (int r = 0; r < runs; r++)
        {
            AdamWTrajectory alone;
            using (var backend = create(model, batch)) alone = AdamWTrajectory.Run(backend, inputs[r].Weights, inputs[r].Batch.Inputs, inputs[r].Batch.Targets);
            var check = Tolerances.Identical<double>(VerificationKind.Concurrent, shape.Name, "", Flatten(together[r]!), Flatten(alone));
            values = Flatten(alone).Length;
            if (!check.Passed) differing.Add($"run {r}: {check.Detail}");
        }
        return new VerificationCheck(VerificationKind.Concurrent, shape.Name, $"{runs} runs at once against each alone", "bit-identical", null, differing.Count == 0,
            differing.Count == 0 ? $"all {runs} runs identical to their runs alone ({values} values each)" : string.Join("; ", differing));
    }

    private static double[] Flatten(AdamWTrajectory t) =>
        [.. t.Trace, .. Tolerances.Widen(t.Parameters), .. Tolerances.Widen(t.FirstMoment), .. Tolerances.Widen(t.SecondMoment)];

    /// <summary>
    /// Whole runs through <see cref="Trainer"/> on <paramref name="device"/>: a small run against the same run on the CPU
    /// backend (every logged train and validation loss 1e-5 relative), and run twice on the device (every logged loss
    /// and the final checkpoint's parameters and moments bit-identical); on a GPU also a benchmark-sized run twice.
    /// </summary>
    private static IEnumerable<VerificationCheck> TrainerRuns(TrainingDevice device)
    {
        const VerificationKind kind = VerificationKind.Trainer;
        var small = new TrainingConfig
        {
            Layers = 1, DModel = 8, Heads = 2, Context = 8, Batch = 2, Tokens = 192, EvalEvery = 3, ValidationSequences = 2,
            Data = DataSourceSpec.Parse("synthetic:k=2,V=8,smin=2,smax=3"), Device = device, Threads = 1,
        };
        var cpu = Trainer.Run(small with { Device = TrainingDevice.Cpu });
        var onDevice = Trainer.Run(small);
        yield return Tolerances.RelativeEach(kind, "trainer-small", "train and validation losses against the CPU backend",
            Losses(onDevice), Losses(cpu), 1e-5);

        foreach (var check in TwiceBitIdentical("trainer-small", small)) yield return check;
        if (device is TrainingDevice.IlgpuCpu) yield break;
        var bench = small with
        {
            Layers = 2, DModel = 64, Heads = 4, Context = 64, Batch = 16, Tokens = 16 * 64 * 40, EvalEvery = 10, ValidationSequences = 32,
            Data = DataSourceSpec.Parse("synthetic"),
        };
        foreach (var check in TwiceBitIdentical("trainer-bench", bench)) yield return check;
    }

    private static IEnumerable<VerificationCheck> TwiceBitIdentical(string name, TrainingConfig config)
    {
        const VerificationKind kind = VerificationKind.Trainer;
        string root = Path.Combine(Path.GetTempPath(), "scalesim-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = Trainer.Run(config, Path.Combine(root, "first"));
            var second = Trainer.Run(config, Path.Combine(root, "second"));
            int count = new ParameterLayout(config.ModelFor(first.Vocab)).Count;
            var a = Checkpoint.Load(RunDirectory.Open(Path.Combine(root, "first")).CheckpointPath, count);
            var b = Checkpoint.Load(RunDirectory.Open(Path.Combine(root, "second")).CheckpointPath, count);
            return
            [
                new VerificationCheck(kind, name, "status", "completed twice", null,
                    first.Status == RunStatus.Completed && second.Status == RunStatus.Completed, $"{first.Status}, {second.Status} after {first.Steps} and {second.Steps} steps"),
                Tolerances.Identical<double>(kind, name, "train and validation losses, run twice", Losses(first), Losses(second)),
                Tolerances.Identical<float>(kind, name, "final parameters, run twice", a.Parameters, b.Parameters),
                Tolerances.Identical<float>(kind, name, "final moments, run twice", [.. a.FirstMoment, .. a.SecondMoment], [.. b.FirstMoment, .. b.SecondMoment]),
            ];
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
        }
    }

    /// <summary>Every logged (step, train loss, validation loss), flattened; a row without a train loss has NaN there.</summary>
    private static double[] Losses(RunSummary run) => [.. run.Metrics.SelectMany(r => new[] { r.Step, r.TrainLoss, r.ValidationLoss })];
}
