using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;
using ScaleSim.Tasks.Artifacts;

namespace ScaleSim.Tasks.Synthetic;

/// <summary>
/// The synthetic example task table in data/ (written by <c>scalesim tasks synthetic</c>): one model family of twelve
/// sizes from 10⁸ to 10¹² parameters trained compute-optimally (20 tokens per parameter, C = 6ND), evaluated on five
/// made-up tasks, one of each class. Every score is the fraction correct of Binomial(examples, p). It is synthetic and
/// labelled so; docs and README use it to show the commands.
/// </summary>
public static class ExampleTaskTable
{
    /// <summary>The header of the CSV.</summary>
    public const string Header = "model,params,tokens,flops,task,metric,score,chance,examples,partial_credit,loss";

    /// <summary>The table as CSV text; the same seed gives the same text.</summary>
    public static string Csv(int seed = 0)
    {
        var random = new Random(seed);
        var text = new StringBuilder(Header + "\n");
        for (int i = 0; i < 12; i++)
        {
            double n = Math.Pow(10, 8 + 4 * i / 11.0), d = 20 * n, c = 6 * n * d;
            string model = $"synth-{Size(n)}";
            double x = Math.Log10(n);

            // Emergent under exact match: 4-digit answers whose per-token loss falls as a power law
            // (Schaeffer et al. 2023's toy), exact match p^4, partial credit p.
            double tokenLoss = 2.2 * Math.Pow(n / 1e8, -0.42);
            // Evaluation losses are estimates too: 1% log-normal noise on each (the scores use the noiseless loss).
            double noisyTokenLoss = tokenLoss * Math.Exp(0.01 * Normal.Sample(random, 0, 1));
            double p = TokenMetrics.TokenAccuracy(tokenLoss);
            Row(model, n, d, c, "arithmetic-4digit", "exact_match", Draw(random, TokenMetrics.ExactMatch(p, 4), 500), 0, 500,
                Draw(random, p, 2000), noisyTokenLoss);

            // Smooth: a four-way multiple-choice task whose answer NLL falls with compute and whose accuracy is a
            // sigmoid of that NLL (the two steps of Dubey et al. 2024, §3.2.1).
            double nll = 0.55 + Math.Pow(1e18 / c, 0.09);
            Row(model, n, d, c, "knowledge-mc", "accuracy", Draw(random, 0.25 + 0.72 / (1 + Math.Exp(5 * (nll - 1.2))), 1000), 0.25, 1000, null,
                nll * Math.Exp(0.01 * Normal.Sample(random, 0, 1)));

            // Inverse: a two-way task with a distractor larger models follow more, falling linearly in log scale.
            Row(model, n, d, c, "distractor-2way", "accuracy", Draw(random, 0.78 - 0.09 * (x - 8), 500), 0.5, 500, null, null);

            // U-shaped: the distractor is learned first, the true task later (Wei et al. 2022, U-shaped).
            double u = 0.3 + 0.07 * Math.Pow(x - 10.2, 2);
            Row(model, n, d, c, "hindsight-2way", "accuracy", Draw(random, Math.Min(u, 0.95), 500), 0.5, 500, null, null);

            // Flat: labels unrelated to the inputs; every model at chance.
            Row(model, n, d, c, "random-labels", "accuracy", Draw(random, 0.5, 500), 0.5, 500, null, null);
        }
        return text.ToString();

        void Row(string model, double n, double d, double c, string task, string metric, double score, double chance, int examples, double? partial, double? loss) =>
            text.Append(CultureInfo.InvariantCulture,
                $"{model},{n:0.###e+0},{d:0.###e+0},{c:0.###e+0},{task},{metric},{score:0.###},{chance},{examples},{(partial is { } pc ? pc.ToString("0.####", CultureInfo.InvariantCulture) : "")},{(loss is { } l ? l.ToString("0.####", CultureInfo.InvariantCulture) : "")}\n");
    }

    private static double Draw(Random random, double p, int examples) => Binomial.Sample(random, Math.Clamp(p, 0, 1), examples) / (double)examples;

    private static string Size(double n) => n >= 1e9 ? $"{n / 1e9:0.#}B" : $"{n / 1e6:0}M";
}
