using System.Globalization;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// A frequent prior against a rare instruction, for the U-shape of Wei et al. (2022, "Inverse scaling can become
/// U-shaped"): prompt <c>C b₁…b_K=</c> or <c>F b₁…b_K=</c> of K random bits (digits 0 and 1). After C (a fraction
/// <see cref="Prior"/> of training examples) the answer copies the bits; after F it flips every bit. Only F prompts are
/// scored, so a model that has learned the frequent copy but not to read the marker scores 0, a model that guesses a
/// bit scores 0.5 (chance), and one that follows the marker scores 1.
/// </summary>
public sealed class DistractorTask : ISyntheticTask
{
    /// <summary>A task over <paramref name="length"/> bits (1–30) whose training examples are copies with probability <paramref name="prior"/>.</summary>
    public DistractorTask(int length, double prior)
    {
        if (length is < 1 or > 30) throw InputException.About($"{InputName.Of("data")} tasks: distractor must have 1 to 30 bits, got {length}");
        if (!(prior >= 0 && prior < 1)) throw InputException.About($"{InputName.Of("data")} tasks: prior must be in [0, 1), got {prior}");
        Length = length;
        Prior = prior;
    }

    /// <summary>Bits per prompt.</summary>
    public int Length { get; }

    /// <summary>Share of training examples that are copies.</summary>
    public double Prior { get; }

    /// <inheritdoc />
    public string Name => $"distractor-{Length.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public int PromptLength => Length + 2;

    /// <inheritdoc />
    public int AnswerLength => Length;

    /// <inheritdoc />
    public double Chance => 0.5;

    /// <inheritdoc />
    public string Format => string.Create(CultureInfo.InvariantCulture,
        $"C or F then {Length} bits then =; C (p = {Prior:0.###} in training) copies the bits, F flips them; scored on F only");

    /// <inheritdoc />
    public ulong Write(ref Xoshiro256 rng, bool evaluation, Span<int> example)
    {
        bool flip = evaluation || rng.NextDouble() >= Prior;
        example[0] = flip ? TaskTokens.Flip : TaskTokens.Copy;
        ulong key = flip ? 1UL : 0UL;
        for (int i = 0; i < Length; i++)
        {
            int bit = rng.NextInt(2);
            key = (key << 1) + (uint)bit;
            example[1 + i] = TaskTokens.Digit(bit);
            example[PromptLength + i] = TaskTokens.Digit(flip ? 1 - bit : bit);
        }
        example[Length + 1] = TaskTokens.EqualsSign;
        return key;
    }
}
