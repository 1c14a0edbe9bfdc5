using System.Runtime.InteropServices;
using ScaleSim.Training.Backends;
using ScaleSim.Training.Backends.Cpu;
using ScaleSim.Training.Data;
using ScaleSim.Training.Model;
using ScaleSim.Training.Optimization;
// Trains L=2, d=32, H=2, T=16, V=64 for 30 steps on the default Markov source and writes the initial weights, the batches
// and ScaleSim's per-step loss, gradient norm and learning rate for parity.py to replay in PyTorch.
var m = new TinyGpt(2, 32, 2, 16, 64); int B = 4, S = 30;
using var be = new CpuBackend(m, B, 1);
var w = new float[be.Layout.Count]; GptInitializer.Initialize(be.Layout, w, 0); be.SetParameters(w);
File.WriteAllBytes("weights.bin", MemoryMarshal.AsBytes(w.AsSpan()).ToArray());
var src = new MarkovSource(new MarkovSourceOptions());
var sched = new LearningRateSchedule(0.5 / 32, S);
var x = new int[B * 16]; var y = new int[B * 16];
using var batches = File.Create("batches.bin");
using var log = new StreamWriter("csharp.txt");
for (int s = 0; s < S; s++)
{
    src.TrainingBatch(7, s, B, 16, x, y);
    batches.Write(MemoryMarshal.AsBytes(x.AsSpan())); batches.Write(MemoryMarshal.AsBytes(y.AsSpan()));
    float loss = be.Forward(x, y); be.Backward(); double norm = be.GradientNorm(); double lr = sched.At(s);
    be.Step(new AdamWStep(lr, 0.9, 0.95, 1e-8, 0.1, s + 1, Math.Min(1, 1.0 / norm)));
    log.WriteLine($"{s} {loss:R} {norm:R} {lr:R}");
}
be.GetParameters(w);
File.WriteAllBytes("final.bin", MemoryMarshal.AsBytes(w.AsSpan()).ToArray());
