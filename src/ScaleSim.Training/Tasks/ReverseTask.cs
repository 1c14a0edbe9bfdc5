using System.Globalization;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// Copy-reverse: prompt <c>R d₁…d_K=</c> of K random digits, answer d_K…d₁. Each answer token is a copy from a
/// position that moves two places further back per token, so the model must track where in the answer it is.
/// </summary>
public sealed class ReverseTask : ISyntheticTask
{
    /// <summary>A task over <paramref name="length"/> digits (1–18).</summary>
    public ReverseTask(int length)
    {
        if (length is < 1 or > 18) throw InputException.About($"{InputName.Of("data")} tasks: reverse must have 1 to 18 digits, got {length}");
        Length = length;
    }

    /// <summary>Digits to reverse.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public string Name => $"reverse-{Length.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public int PromptLength => Length + 2;

    /// <inheritdoc />
    public int AnswerLength => Length;

    /// <inheritdoc />
    public double Chance => 0.1;

    /// <inheritdoc />
    public string Format => $"R then {Length} digits then =, answer the digits in reverse order";

    /// <inheritdoc />
    public ulong Write(ref Xoshiro256 rng, bool evaluation, Span<int> example)
    {
        example[0] = TaskTokens.Reverse;
        ulong key = 0;
        for (int i = 0; i < Length; i++)
        {
            int d = rng.NextInt(10);
            key = key * 10 + (ulong)d;
            example[1 + i] = TaskTokens.Digit(d);
            example[PromptLength + Length - 1 - i] = TaskTokens.Digit(d);
        }
        example[Length + 1] = TaskTokens.EqualsSign;
        return key;
    }
}
