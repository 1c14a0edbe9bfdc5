namespace ScaleSim.Tasks;

/// <summary>One model's result on one task under one metric: a row of a task table.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Scale">Its scale: parameters, training FLOPs or training tokens (the table says which).</param>
/// <param name="Task">The task (benchmark) name.</param>
/// <param name="Metric">The metric the score is in (e.g. accuracy, exact_match).</param>
/// <param name="Score">The value: for a score (higher is better) a fraction in [0, 1]; for a loss a positive number.</param>
/// <param name="Chance">The value of random guessing on the task (a score, or the loss of a uniform guess), when known.</param>
/// <param name="Examples">How many examples the score is averaged over, when known (for binomial intervals).</param>
/// <param name="PartialCredit">A partial-credit score in [0, 1] (e.g. per-token accuracy), when known.</param>
/// <param name="Loss">The model's loss on the task (per-token negative log-likelihood, nats), when known.</param>
/// <param name="Line">The file line the row came from (0 for rows made in code).</param>
/// <param name="Direction">Whether the value is a score (higher is better) or a loss (lower is better).</param>
public sealed record TaskObservation(
    string Model,
    double Scale,
    string Task,
    string Metric,
    double Score,
    double? Chance = null,
    int? Examples = null,
    double? PartialCredit = null,
    double? Loss = null,
    int Line = 0,
    MetricDirection Direction = MetricDirection.HigherIsBetter);
