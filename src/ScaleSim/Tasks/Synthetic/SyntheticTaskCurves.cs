using MathNet.Numerics.Distributions;
using ScaleSim.Laws;
using ScaleSim.Tasks.Artifacts;
using ScaleSim.Tasks.Classification;

namespace ScaleSim.Tasks.Synthetic;

/// <summary>
/// Draws realistic synthetic task curves of each class: 8–15 scales spread over 3–5 decades (evenly in log scale,
/// jittered by a quarter of the spacing), each score the fraction correct of Binomial(n, p(scale)) with n one of
/// 200, 500 or 1000 examples, at chance 0, 0.25 or 0.5 — or, with <see cref="SyntheticCurveSpec.GaussianNoise"/>, p
/// plus Gaussian noise and no example counts. Every change a class needs is drawn to be at least a few margins
/// (docs/methods.md: m = max(0.1·(1 − chance), 2σ)), and a flat curve drifts by under a third of one, so the true class
/// is unambiguous under the rules.
/// </summary>
public static class SyntheticTaskCurves
{
    /// <summary>Draws one curve of class <paramref name="cls"/>; the same seed and class give the same curve.</summary>
    public static SyntheticTaskCurve Draw(CurveClass cls, int seed, SyntheticCurveSpec? spec = null, string task = "synthetic")
    {
        spec ??= new SyntheticCurveSpec();
        var random = new Random(seed * 7919 + (int)cls);
        int count = random.Next(spec.MinScales, spec.MaxScales + 1);
        double decades = Uniform(random, spec.MinDecades, spec.MaxDecades);
        double first = Uniform(random, spec.FirstScaleLog10.Low, spec.FirstScaleLog10.High);
        double spacing = decades / (count - 1);
        var xs = Enumerable.Range(0, count)
            .Select(i => first + i * spacing + (i == 0 || i == count - 1 ? 0 : Uniform(random, -0.25, 0.25) * spacing)).ToArray();
        // One draw either way, so a spec with Gaussian noise changes nothing else about the curve drawn for a seed.
        int examples = 0;
        double noise = 0;
        if (spec.GaussianNoise is { } range) noise = Uniform(random, range.Low, range.High);
        else examples = spec.ExampleCounts[random.Next(spec.ExampleCounts.Count)];
        double chance = spec.ChanceLevels[random.Next(spec.ChanceLevels.Count)];
        double sigma = spec.GaussianNoise is null ? Math.Sqrt(chance * (1 - chance) / examples) : noise;
        double margin = Math.Max(0.1 * (1 - chance), 2 * sigma);
        double xn = xs[^1];
        double T(double x) => (x - first) / decades;

        string generator;
        Func<double, double> truth;
        switch (cls)
        {
            case CurveClass.Flat:
            {
                double level = chance + Uniform(random, 0, 0.6) * (1 - chance);
                double drift = Uniform(random, -0.3, 0.3) * margin;
                generator = "level";
                truth = x => level + drift * (T(x) - 0.5);
                break;
            }
            case CurveClass.Smooth:
            {
                double start = chance + Math.Max(Uniform(random, 0.2, 0.4) * (1 - chance), 2 * margin);
                double gain = Math.Min(Math.Max(Uniform(random, 0.3, 0.55) * (1 - chance), 3 * margin), 0.97 - start);
                int shape = random.Next(3);
                double bend = Uniform(random, 1, 3), power = Uniform(random, 1.2, 2);
                generator = shape switch { 0 => "linear", 1 => "saturating", _ => "accelerating" };
                truth = x => start + gain * shape switch
                {
                    0 => T(x),
                    1 => (1 - Math.Exp(-bend * T(x))) / (1 - Math.Exp(-bend)),
                    _ => Math.Pow(T(x), power),
                };
                break;
            }
            case CurveClass.Emergent when chance == 0 && random.NextDouble() < 0.5:
            {
                // Schaeffer et al. 2023: exact match over L tokens, p^L, of a per-token accuracy p = exp(−loss)
                // whose loss falls as a power law in scale.
                int length = random.Next(4, 13);
                double final = Uniform(random, 0.4, 0.85), onset = Uniform(random, 0.5, 0.75);
                double finalLoss = -Math.Log(final) / length, onsetLoss = -Math.Log(0.02) / length;
                double alpha = Math.Log10(onsetLoss / finalLoss) / ((1 - onset) * decades);
                generator = $"exact-match p^L, L = {length}";
                truth = x => TokenMetrics.ExactMatch(TokenMetrics.TokenAccuracy(finalLoss * Math.Pow(10, alpha * (xn - x))), length);
                break;
            }
            case CurveClass.Emergent:
            {
                double ceiling = chance + Math.Max(Uniform(random, 0.35, 0.8) * (1 - chance), 4 * margin);
                double mid = first + Uniform(random, 0.5, 0.8) * decades;
                double width = Uniform(random, 0.3, 1.2);    // decades from 10% to 90% of the rise
                double k = 2 * Math.Log(9) / width;
                generator = "sigmoid";
                truth = x => chance + (Math.Min(ceiling, 0.98) - chance) / (1 + Math.Exp(-k * (x - mid)));
                break;
            }
            case CurveClass.Inverse:
            {
                double start = Math.Min(chance + Uniform(random, 0.3, 0.7) * (1 - chance), 0.95);
                double drop = Math.Min(Math.Max(Uniform(random, 0.2, 0.4), 3 * margin), start - 0.02);
                int shape = random.Next(3);
                double bend = Uniform(random, 1, 3), power = Uniform(random, 1.2, 2);
                generator = shape switch { 0 => "linear decline", 1 => "saturating decline", _ => "accelerating decline" };
                truth = x => start - drop * shape switch
                {
                    0 => T(x),
                    1 => (1 - Math.Exp(-bend * T(x))) / (1 - Math.Exp(-bend)),
                    _ => Math.Pow(T(x), power),
                };
                break;
            }
            default:
            {
                // A fall to a minimum at t* and a rise after it, each |u|^γ in the distance from t*.
                double bottom = Math.Max(chance + Uniform(random, -0.1, 0.3) * (1 - chance), 0.03);
                double fall = Math.Max(Uniform(random, 0.2, 0.35), 3 * margin), rise = Math.Max(Uniform(random, 0.2, 0.4), 3 * margin);
                fall = Math.Min(fall, 0.97 - bottom);
                rise = Math.Min(rise, 0.97 - bottom);
                double turn = Uniform(random, 0.35, 0.65), gamma = Uniform(random, 1, 2);
                generator = gamma < 1.5 ? "V" : "parabolic U";
                truth = x =>
                {
                    double t = T(x);
                    return t < turn
                        ? bottom + fall * Math.Pow((turn - t) / turn, gamma)
                        : bottom + rise * Math.Pow((t - turn) / (1 - turn), gamma);
                };
                break;
            }
        }

        var points = xs.Select((x, i) =>
        {
            double p = Math.Clamp(truth(x), 0, 1);
            if (spec.GaussianNoise is not null)
                return new TaskObservation($"model-{i + 1}", Math.Pow(10, x), task, cls.Name(), Math.Clamp(p + Normal.Sample(random, 0, noise), 0, 1), chance);
            double score = Binomial.Sample(random, p, examples) / (double)examples;
            return new TaskObservation($"model-{i + 1}", Math.Pow(10, x), task, cls.Name(), score, chance, examples);
        });
        return new SyntheticTaskCurve(cls, generator, new TaskCurve($"synthetic {cls.Name()} #{seed}", ScaleVariable.Params, points), truth);
    }

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();
}
