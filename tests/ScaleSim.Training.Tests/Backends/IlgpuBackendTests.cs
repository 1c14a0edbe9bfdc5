using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Backends.Ilgpu;
using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Runs;

namespace ScaleSim.Training.Tests.Backends;

/// <summary>
/// The ILGPU backend on ILGPU's CPU accelerator (the same kernels a GPU runs, at tiny shapes): against the CPU
/// backend on the same weights and batch, against finite differences of its own loss, over a few AdamW steps, run to
/// run, and device selection. The double-precision reference comparison is in <see cref="BackendAgreementTests"/>.
/// </summary>
public class IlgpuBackendTests
{
    private static ITrainingBackend Ilgpu(TinyGpt model, int batch) => TrainingBackends.Create(TrainingDevice.IlgpuCpu, model, batch);

    [Theory]
    [MemberData(nameof(TestModels.IlgpuShapeNames), MemberType = typeof(TestModels))]
    public void LossProbabilitiesAndEveryGradientMatchTheCpuBackend(string shape)
    {
        var model = TestModels.Shape(shape);
        int batch = TestModels.Batch(shape);
        using var ilgpu = Ilgpu(model, batch);
        AssertMatchesCpu(model, batch, ilgpu);
    }

    /// <summary>Loss and norm to 1e-6 relative, probabilities to 2e-6, every gradient tensor to 1e-5 of the CPU backend's.</summary>
    private static void AssertMatchesCpu(TinyGpt model, int batch, ITrainingBackend backend)
    {
        using var cpu = new CpuBackend(model, batch, threads: 1);
        var weights = TestModels.Weights(cpu.Layout);
        var (inputs, targets) = TestModels.Batch(model, batch);
        var expected = Pass.Run(cpu, weights, inputs, targets);
        var actual = Pass.Run(backend, weights, inputs, targets);

        Assert.InRange(actual.Loss, expected.Loss * (1 - 1e-6), expected.Loss * (1 + 1e-6));
        Assert.InRange(actual.Norm, expected.Norm * (1 - 1e-6), expected.Norm * (1 + 1e-6));
        for (int i = 0; i < expected.Probabilities.Length; i++)
            Assert.True(Math.Abs(actual.Probabilities[i] - expected.Probabilities[i]) <= 2e-6, $"prob {i}: {actual.Probabilities[i]} vs {expected.Probabilities[i]}");
        AssertTensorsClose(cpu.Layout, expected.Gradients, actual.Gradients, relative: 1e-5);
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var model = TestModels.Tiny;
        int batch = TestModels.Batch(nameof(TestModels.Tiny));
        using var backend = Ilgpu(model, batch);
        var weights = TestModels.Weights(backend.Layout);
        var (inputs, targets) = TestModels.Batch(model, batch);
        var grads = Pass.Run(backend, weights, inputs, targets).Gradients;

        double Loss(float[] p)
        {
            backend.SetParameters(p);
            return backend.Forward(inputs, targets);
        }

        var rng = new Xoshiro256(23);
        foreach (var tensor in backend.Layout.Tensors)
        {
            var indices = Enumerable.Range(0, 3).Select(_ => tensor.Offset + rng.NextInt(tensor.Length)).ToList();
            double scale = grads.Skip(tensor.Offset).Take(tensor.Length).Max(g => Math.Abs(g));
            FiniteDifferences.Check(tensor.Name, weights, grads, Loss, indices, h: 1e-2f, relative: 3e-2, absolute: 2e-3 * scale + 1e-5);
        }
    }

    [Fact]
    public void TrainingStepsMatchTheCpuBackendAndRepeatBitForBit()
    {
        var model = TestModels.Tiny;
        int batch = TestModels.Batch(nameof(TestModels.Tiny));
        var cpu = Train(() => new CpuBackend(model, batch, threads: 1));
        var first = Train(() => Ilgpu(model, batch));
        var second = Train(() => Ilgpu(model, batch));

        Assert.Equal(first.Trace, second.Trace);
        Assert.Equal(first.Parameters, second.Parameters);
        Assert.Equal(first.FirstMoment, second.FirstMoment);
        Assert.Equal(first.SecondMoment, second.SecondMoment);

        for (int i = 0; i < cpu.Trace.Length; i++)
            Assert.True(Math.Abs(first.Trace[i] - cpu.Trace[i]) <= 1e-5 * Math.Abs(cpu.Trace[i]), $"trace {i}: {first.Trace[i]} vs {cpu.Trace[i]}");
        // The key biases' gradient is zero in exact arithmetic (a key bias adds the same q·b to every score of a
        // query, which the softmax cancels), so both backends step them by AdamW-normalised rounding noise, up to about
        // η per step in either direction. They are held to that; every other parameter agrees tightly.
        var layout = new ParameterLayout(model);
        var keyBiases = new HashSet<int>();
        for (int l = 0; l < model.Layers; l++)
            for (int j = model.DModel; j < 2 * model.DModel; j++) keyBiases.Add(layout.QkvBias.OffsetOf(l) + j);
        foreach (int i in keyBiases) Assert.True(Math.Abs(first.Parameters[i] - cpu.Parameters[i]) <= 2 * 3 * 1e-2, $"key bias {i}");
        AssertTensorsClose(layout, cpu.Parameters, first.Parameters, relative: 1e-5, skip: keyBiases.Contains);
        AssertTensorsClose(layout, cpu.FirstMoment, first.FirstMoment, relative: 1e-4);
        AssertTensorsClose(layout, cpu.SecondMoment, first.SecondMoment, relative: 1e-4);
    }

    [Fact]
    public void TheGpuLaunchShapeGivesTheSameResults()
    {
        // LaunchShape.Gpu on a CPU accelerator with 256-thread groups: the group sizes, 32×32 matmul tiles and
        // 128-thread row trees a CUDA device gets (only the number of multiprocessors differs).
        using var device = IlgpuDevice.OpenCpuAccelerator(threadsPerWarp: 32, warpsPerGroup: 8, LaunchShape.Gpu);
        Assert.Equal((256, 128, 16), (device.Shape.ElementGroup, device.Shape.RowGroup, device.Shape.TileThreads));
        var model = TestModels.Tiny with { Layers = 1 };
        int batch = TestModels.Batch(nameof(TestModels.Tiny));
        using var ilgpu = new IlgpuBackend(device, model, batch);
        AssertMatchesCpu(model, batch, ilgpu);
    }

    [Fact]
    public void TheTrainerRunsOnIlgpuCpuAsOnTheCpu()
    {
        var config = new TrainingConfig
        {
            Layers = 1, DModel = 8, Heads = 2, Context = 8, Batch = 2, Tokens = 96, EvalEvery = 3, ValidationSequences = 2,
            Data = DataSourceSpec.Parse("synthetic:k=2,V=8,smin=2,smax=3"), Device = TrainingDevice.Cpu,
        };
        var cpu = Trainer.Run(config);
        var ilgpu = Trainer.Run(config with { Device = TrainingDevice.IlgpuCpu });

        Assert.Equal(RunStatus.Completed, ilgpu.Status);
        Assert.Equal("ilgpu cpu-accelerator", ilgpu.Backend);
        Assert.Equal(cpu.Metrics.Count, ilgpu.Metrics.Count);
        for (int i = 0; i < cpu.Metrics.Count; i++)
        {
            Assert.Equal(cpu.Metrics[i].Step, ilgpu.Metrics[i].Step);
            Assert.Equal(cpu.Metrics[i].ValidationLoss, ilgpu.Metrics[i].ValidationLoss, 1e-5 * cpu.Metrics[i].ValidationLoss);
            if (!double.IsNaN(cpu.Metrics[i].TrainLoss)) Assert.Equal(cpu.Metrics[i].TrainLoss, ilgpu.Metrics[i].TrainLoss, 1e-5 * cpu.Metrics[i].TrainLoss);
        }
    }

    [Fact]
    public void IlgpuCpuIsAlwaysAvailable()
    {
        Assert.True(TrainingBackends.IsAvailable(TrainingDevice.IlgpuCpu));
        using var backend = TrainingBackends.Create(TrainingDevice.IlgpuCpu, TestModels.Tiny, 2);
        Assert.IsType<IlgpuBackend>(backend);
        Assert.Equal("ilgpu cpu-accelerator", backend.Name);
    }

    [Theory]
    [InlineData(TrainingDevice.Cuda, "device cuda: no CUDA device found")]
    [InlineData(TrainingDevice.OpenCl, "device opencl: no OpenCL GPU found")]
    public void AMissingGpuIsAOneLineInputError(TrainingDevice device, string message)
    {
        if (TrainingBackends.IsAvailable(device))
        {
            using var backend = TrainingBackends.Create(device, TestModels.Tiny, 2);
            Assert.StartsWith($"ilgpu {device.ToName()} ", backend.Name);
            return;
        }
        var e = Assert.Throws<InputException>(() => TrainingBackends.Create(device, TestModels.Tiny, 2));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void AutoTakesCudaThenAnOpenClGpuElseTheCpuBackend()
    {
        using var backend = TrainingBackends.Create(TrainingDevice.Auto, TestModels.Tiny, 2);
        string expected = TrainingBackends.IsAvailable(TrainingDevice.Cuda) ? "ilgpu cuda "
            : TrainingBackends.IsAvailable(TrainingDevice.OpenCl) ? "ilgpu opencl " : "cpu ";
        Assert.StartsWith(expected, backend.Name);
    }

    internal static void AssertTensorsClose(ParameterLayout layout, float[] expected, float[] actual, double relative, Func<int, bool>? skip = null)
    {
        foreach (var tensor in layout.Tensors)
        {
            double scale = 0;
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++) scale = Math.Max(scale, Math.Abs(expected[i]));
            for (int i = tensor.Offset; i < tensor.Offset + tensor.Length; i++)
            {
                if (skip?.Invoke(i) == true) continue;
                double err = Math.Abs(actual[i] - expected[i]);
                Assert.True(err <= relative * scale + 1e-9, $"{tensor.Name}[{i - tensor.Offset}]: {actual[i]:G9} vs {expected[i]:G9} (scale {scale:G3})");
            }
        }
    }

    /// <summary>Three AdamW steps (the trainer's calls, clipping at 1) from the test weights on a fixed batch.</summary>
    private static Trajectory Train(Func<ITrainingBackend> create)
    {
        using var backend = create();
        var model = backend.Model;
        var weights = TestModels.Weights(backend.Layout);
        backend.SetParameters(weights);
        var zeros = new float[weights.Length];
        backend.SetOptimizerState(zeros, zeros);
        var (inputs, targets) = TestModels.Batch(model, backend.BatchSize);
        var trace = new List<double>();
        for (int step = 1; step <= 3; step++)
        {
            trace.Add(backend.Forward(inputs, targets));
            backend.Backward();
            double norm = backend.GradientNorm();
            trace.Add(norm);
            backend.Step(new AdamWStep(1e-2, 0.9, 0.95, 1e-8, 0.1, step, Math.Min(1, 1 / norm)));
        }
        var p = new float[weights.Length];
        var m = new float[weights.Length];
        var v = new float[weights.Length];
        backend.GetParameters(p);
        backend.GetOptimizerState(m, v);
        return new Trajectory([.. trace], p, m, v);
    }

    private sealed record Trajectory(double[] Trace, float[] Parameters, float[] FirstMoment, float[] SecondMoment);

    /// <summary>One forward and backward: loss, softmax output, gradients and their norm.</summary>
    private sealed record Pass(float Loss, float[] Probabilities, float[] Gradients, double Norm)
    {
        public static Pass Run(ITrainingBackend backend, float[] weights, int[] inputs, int[] targets)
        {
            backend.SetParameters(weights);
            float loss = backend.Forward(inputs, targets);
            var probs = new float[inputs.Length * backend.Model.Vocab];
            backend.GetProbabilities(probs);
            backend.Backward();
            var grads = new float[weights.Length];
            backend.GetGradients(grads);
            return new Pass(loss, probs, grads, backend.GradientNorm());
        }
    }
}
