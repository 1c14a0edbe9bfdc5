namespace ScaleSim.Tasks;

/// <summary>One model's result on one task under one metric: a row of a task table.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Scale">Its scale: parameters, training FLOPs or training tokens (the table says which).</param>
/// <param name="Task">The task (benchmark) name.</param>
/// <param name="Metric">The metric the score is in (e.g. accuracy, exact_match).</param>
/// <param name="Score">The score as a fraction in [0, 1].</param>
/// <param name="Chance">The score of random guessing on the task, when known.</param>
/// <param name="Examples">How many examples the score is averaged over, when known (for binomial intervals).</param>
/// <param name="PartialCredit">A partial-credit score in [0, 1] (e.g. per-token accuracy), when known.</param>
/// <param name="Loss">The model's loss on the task (per-token negative log-likelihood, nats), when known.</param>
/// <param name="Line">The file line the row came from (0 for rows made in code).</param>
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
    int Line = 0);
