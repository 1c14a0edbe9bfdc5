using System.Globalization;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// k-digit addition: prompt <c>a+b=</c> with both operands zero-padded to k digits, answer a + b in k + 1 digits
/// (zero-padded), every number written in the same <see cref="DigitOrder"/>. With <see cref="DigitOrder.Lsb"/>
/// 123 + 456 is <c>321+654=9750</c>: answer digit i sits at a fixed distance after operand digits i, and its carry
/// follows from operand digits i − 1 and the answer digit just written, so each answer token is a function of a fixed
/// window that two attention layers can read.
/// </summary>
public sealed class AdditionTask : ISyntheticTask
{
    private readonly int _modulus;

    /// <summary>A task over <paramref name="digits"/>-digit operands (1–9).</summary>
    public AdditionTask(int digits, DigitOrder order)
    {
        if (digits is < 1 or > 9) throw InputException.About($"{InputName.Of("data")} tasks: addition must have 1 to 9 digits, got {digits}");
        Digits = digits;
        Order = order;
        _modulus = (int)Math.Pow(10, digits);
    }

    /// <summary>Digits per operand.</summary>
    public int Digits { get; }

    /// <summary>How numbers are written.</summary>
    public DigitOrder Order { get; }

    /// <inheritdoc />
    public string Name => $"addition-{Digits.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public int PromptLength => 2 * Digits + 2;

    /// <inheritdoc />
    public int AnswerLength => Digits + 1;

    /// <inheritdoc />
    public double Chance => 0.1;

    /// <inheritdoc />
    public string Format => Order == DigitOrder.Lsb
        ? $"a+b= with {Digits}-digit operands, answer {Digits + 1} digits; every number least-significant digit first"
        : $"a+b= with {Digits}-digit operands, answer {Digits + 1} digits; every number most-significant digit first";

    /// <inheritdoc />
    public ulong Write(ref Xoshiro256 rng, bool evaluation, Span<int> example)
    {
        int a = rng.NextInt(_modulus), b = rng.NextInt(_modulus);
        WriteNumber(a, Digits, example[..Digits]);
        example[Digits] = TaskTokens.Plus;
        WriteNumber(b, Digits, example.Slice(Digits + 1, Digits));
        example[2 * Digits + 1] = TaskTokens.EqualsSign;
        WriteNumber(a + b, Digits + 1, example.Slice(PromptLength, AnswerLength));
        return (ulong)a * (ulong)_modulus + (ulong)b;
    }

    private void WriteNumber(long value, int width, Span<int> destination)
    {
        for (int i = 0; i < width; i++)
        {
            int digit = (int)(value % 10);
            value /= 10;
            destination[Order == DigitOrder.Lsb ? i : width - 1 - i] = TaskTokens.Digit(digit);
        }
    }
}
