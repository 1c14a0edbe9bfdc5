using ScaleSim.Training.Sweeps;

namespace ScaleSim.Training.Tests.Sweeps;

/// <summary>A sweep small enough to train in a few seconds: two tiny budgets, widths 8 to 40, context 16.</summary>
internal static class TinyExperiment
{
    public static IsoFlopExperiment Definition(string name = "tiny-test") => (IsoFlopExperiment)ExperimentDefinition.Parse($$"""
        {
          "name": "{{name}}",
          "data": "synthetic:k=1,V=16,seed=3",
          "budgets": [1e9, 3e9],
          "flop_model": "kaplan",
          "sizes_per_budget": 5,
          "size_span": 12,
          "prior_optimum": { "params": 5000, "flops": 1e9, "exponent": 0.6 },
          "shape": { "layers": 1, "head_size": 8, "width_multiple": 8, "min_width": 8, "max_width": 64 },
          "context": 16,
          "batch": { "max": 4, "min": 2, "min_steps": 50 },
          "seeds": [0],
          "validation_sequences": 8,
          "evaluations_per_run": 5
        }
        """, "tiny-test");
}
