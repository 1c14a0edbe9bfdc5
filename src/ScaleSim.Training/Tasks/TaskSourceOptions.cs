using System.Globalization;
using System.Text;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// The knobs of <see cref="TaskSource"/>, spelled <c>tasks:addition=3,reverse=6,distractor=8,memo=1000,bits=6,prior=0.9,order=lsb,rate=1,seed=0,eval=500</c>
/// (at least one task; the rest have defaults). A task's size may carry a sampling weight after a star,
/// <c>addition=3*4,reverse=6</c>: addition examples four times as often as reversals (weights default to 1).
/// </summary>
public sealed record TaskSourceOptions
{
    /// <summary>The spec's prefix.</summary>
    public const string Prefix = "tasks";

    /// <summary>Known keys.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["addition", "reverse", "distractor", "memo", "bits", "base", "prior", "order", "rate", "seed", "eval"];

    /// <summary>Digits per addition operand, or null for no addition task.</summary>
    public int? Addition { get; init; }

    /// <summary>Digits to reverse, or null for no reversal task.</summary>
    public int? Reverse { get; init; }

    /// <summary>Bits of the distractor task, or null for none.</summary>
    public int? Distractor { get; init; }

    /// <summary>Keys in the memo trap's table, or null for no memo trap.</summary>
    public int? Memo { get; init; }

    /// <summary>Digits (bits in base 2) of every value in the memo trap's table.</summary>
    public int Bits { get; init; } = 6;

    /// <summary>The base of the memo trap's values (2: bits, and F flips them; else F adds one to every digit).</summary>
    public int Base { get; init; } = 2;

    /// <summary>Sampling weight of the addition task.</summary>
    public double AdditionWeight { get; init; } = 1;

    /// <summary>Sampling weight of the reversal task.</summary>
    public double ReverseWeight { get; init; } = 1;

    /// <summary>Sampling weight of the distractor task.</summary>
    public double DistractorWeight { get; init; } = 1;

    /// <summary>Sampling weight of the memo trap.</summary>
    public double MemoWeight { get; init; } = 1;

    /// <summary>Share of the distractor's training examples that are copies, and of the memo trap's that recall the value (the frequent prior).</summary>
    public double Prior { get; init; } = 0.9;

    /// <summary>How the addition task writes numbers.</summary>
    public DigitOrder Order { get; init; } = DigitOrder.Lsb;

    /// <summary>
    /// Share of training sequences made of task examples; the rest are sequences of the default Markov source
    /// (<c>synthetic</c>), its tokens shifted past the task vocabulary. 1 means task data only.
    /// </summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>Seed of the held-out split, the validation sequences and the evaluation sets (not of the training order).</summary>
    public ulong Seed { get; init; }

    /// <summary>Held-out examples scored per task (fewer when a task has fewer held-out problems).</summary>
    public int Evaluation { get; init; } = 500;

    /// <summary>Parses <c>tasks:key=value,…</c>; throws <see cref="InputException"/> naming a bad key or value.</summary>
    public static TaskSourceOptions Parse(string spec)
    {
        var options = new TaskSourceOptions();
        int colon = spec.IndexOf(':');
        string body = colon < 0 ? "" : spec[(colon + 1)..];
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw InputException.About($"{InputName.Of("data")}: expected key=value in '{part}' (keys: {string.Join(", ", Keys)})");
            string key = part[..eq].Trim().ToLowerInvariant(), value = part[(eq + 1)..].Trim();
            options = key switch
            {
                "addition" => Sized(key, value) is var (a, wa) ? options with { Addition = a, AdditionWeight = wa } : options,
                "reverse" => Sized(key, value) is var (r, wr) ? options with { Reverse = r, ReverseWeight = wr } : options,
                "distractor" => Sized(key, value) is var (d, wd) ? options with { Distractor = d, DistractorWeight = wd } : options,
                "memo" => Sized(key, value) is var (m, wm) ? options with { Memo = m, MemoWeight = wm } : options,
                "bits" => options with { Bits = Int(key, value) },
                "base" => options with { Base = Int(key, value) },
                "prior" => options with { Prior = Double(key, value) },
                "order" => options with
                {
                    Order = value.ToLowerInvariant() switch
                    {
                        "lsb" => DigitOrder.Lsb,
                        "msb" => DigitOrder.Msb,
                        _ => throw InputException.About($"{InputName.Of("data")} tasks: order='{value}' is not a digit order (choose lsb or msb)"),
                    },
                },
                "rate" => options with { Rate = Double(key, value) },
                "seed" => options with { Seed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw Bad(key, value) },
                "eval" => options with { Evaluation = Int(key, value) },
                _ => throw InputException.About($"{InputName.Of("data")}: unknown tasks option '{key}' (known: {string.Join(", ", Keys)})"),
            };
        }
        options.Validate();
        return options;
    }

    /// <summary>The tasks, in a fixed order: addition, reverse, distractor, memo trap.</summary>
    public IReadOnlyList<ISyntheticTask> CreateTasks() => CreateWeightedTasks().Select(t => t.Task).ToList();

    /// <summary>The tasks with their sampling weights, in the order of <see cref="CreateTasks"/>.</summary>
    public IReadOnlyList<(ISyntheticTask Task, double Weight)> CreateWeightedTasks()
    {
        var tasks = new List<(ISyntheticTask, double)>();
        if (Addition is { } a) tasks.Add((new AdditionTask(a, Order), AdditionWeight));
        if (Reverse is { } r) tasks.Add((new ReverseTask(r), ReverseWeight));
        if (Distractor is { } d) tasks.Add((new DistractorTask(d, Prior), DistractorWeight));
        if (Memo is { } m) tasks.Add((new MemoTrapTask(m, Bits, Prior, Seed, Base), MemoWeight));
        return tasks;
    }

    /// <summary>Throws <see cref="InputException"/> naming the knob at fault.</summary>
    public void Validate()
    {
        if (Addition is null && Reverse is null && Distractor is null && Memo is null)
            throw InputException.About($"{InputName.Of("data")} tasks: name at least one task (addition=DIGITS, reverse=DIGITS, distractor=BITS or memo=KEYS)");
        if (!(Rate > 0 && Rate <= 1)) throw InputException.About($"{InputName.Of("data")} tasks: rate must be in (0, 1], got {Rate}");
        if (Evaluation <= 0) throw InputException.About($"{InputName.Of("data")} tasks: eval must be positive, got {Evaluation}");
        foreach (var w in new[] { AdditionWeight, ReverseWeight, DistractorWeight, MemoWeight })
            if (!(w > 0) || double.IsInfinity(w)) throw InputException.About($"{InputName.Of("data")} tasks: a task weight must be a positive number, got {w}");
        CreateTasks();
    }

    /// <summary>The <c>--data</c> spelling of these options.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Prefix).Append(':');
        if (Addition is { } a) text.Append(CultureInfo.InvariantCulture, $"addition={a}{Weight(AdditionWeight)},");
        if (Reverse is { } r) text.Append(CultureInfo.InvariantCulture, $"reverse={r}{Weight(ReverseWeight)},");
        if (Distractor is { } d) text.Append(CultureInfo.InvariantCulture, $"distractor={d}{Weight(DistractorWeight)},");
        if (Memo is { } m) text.Append(CultureInfo.InvariantCulture, $"memo={m}{Weight(MemoWeight)},bits={Bits},{(Base == 2 ? "" : $"base={Base},")}");
        if (Distractor is not null || Memo is not null) text.Append(CultureInfo.InvariantCulture, $"prior={Prior:R},");
        text.Append(CultureInfo.InvariantCulture, $"order={(Order == DigitOrder.Lsb ? "lsb" : "msb")},rate={Rate:R},seed={Seed},eval={Evaluation}");
        return text.ToString();
    }

    private static string Weight(double w) => w == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $"*{w:R}");

    // A task's size with an optional weight after a star: "3" or "3*4".
    private static (int Size, double Weight) Sized(string key, string value)
    {
        int star = value.IndexOf('*');
        return star < 0 ? (Int(key, value), 1) : (Int(key, value[..star]), Double(key, value[(star + 1)..]));
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(key, value);

    private static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw Bad(key, value);

    private static InputException Bad(string key, string value) => InputException.About($"{InputName.Of("data")}: tasks option {key}='{value}' is not a valid number");
}
