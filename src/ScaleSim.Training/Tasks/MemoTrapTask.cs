using System.Globalization;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// A memo trap in the sense of McKenzie et al. (2023, "Inverse Scaling: When Bigger Isn't Better"), built for the
/// U-shape of Wei et al. (2022, "Inverse scaling can become U-shaped"): a fixed table of <see cref="Keys"/> keys, each
/// with a random value of <see cref="Bits"/> bits (each bit position one half ones over the table). <c>C k=</c> (a fraction <see cref="Prior"/> of training examples)
/// recalls key k's value; <c>F k=</c> recalls it and flips every bit, which needs the value first and one step after
/// it. Only F prompts are held out and scored, and only on keys whose F prompt training never shows (their C prompts
/// train, so the value is there to be recalled). A model that has not memorised the table guesses (0.5 per bit), one
/// that answers the memorised value scores 0, one that flips it 1.
/// </summary>
public sealed class MemoTrapTask : ISyntheticTask
{
    /// <summary>Stream id of the table (keys and values), seeded by the source seed.</summary>
    public const ulong TableStream = 9;

    // Bit 32 of a problem's key marks an F prompt; the low bits are the key's index in the table.
    private const ulong FlipBit = 1UL << 32;

    private readonly int[] _keyDigits;
    private readonly byte[] _values;

    /// <summary>
    /// A table of <paramref name="keys"/> keys (2–10000) with values of <paramref name="bits"/> digits (1–30) in base
    /// <paramref name="numberBase"/> (2–10), drawn from <paramref name="tableSeed"/>; training examples recall the value
    /// with probability <paramref name="prior"/>. F adds one to every digit modulo the base: in base 2, a flip.
    /// </summary>
    public MemoTrapTask(int keys, int bits, double prior, ulong tableSeed, int numberBase = 2)
    {
        if (numberBase is < 2 or > 10) throw InputException.About($"{InputName.Of("data")} tasks: base must be 2 to 10, got {numberBase}");
        Base = numberBase;
        if (keys is < 2 or > 10_000) throw InputException.About($"{InputName.Of("data")} tasks: memo must have 2 to 10000 keys, got {keys}");
        if (bits is < 1 or > 30) throw InputException.About($"{InputName.Of("data")} tasks: bits must be 1 to 30, got {bits}");
        if (!(prior >= 0 && prior < 1)) throw InputException.About($"{InputName.Of("data")} tasks: prior must be in [0, 1), got {prior}");
        Keys = keys;
        Bits = bits;
        Prior = prior;
        KeyLength = keys <= 10 ? 1 : (int)Math.Ceiling(Math.Log10(keys) - 1e-12);
        (_keyDigits, _values) = DrawTable(keys, KeyLength, bits, numberBase, tableSeed);
    }

    /// <summary>Keys in the table.</summary>
    public int Keys { get; }

    /// <summary>Digits of every value (bits in base 2).</summary>
    public int Bits { get; }

    /// <summary>The base of every value's digits; F adds one to each, modulo the base.</summary>
    public int Base { get; }

    /// <summary>Share of training examples that recall the value (C) rather than flip it (F).</summary>
    public double Prior { get; }

    /// <summary>Digits of every key: the fewest that can write <see cref="Keys"/> distinct keys.</summary>
    public int KeyLength { get; }

    /// <inheritdoc />
    public string Name => Base == 2 ? $"memo-{Keys.ToString(CultureInfo.InvariantCulture)}" : $"memo-{Keys.ToString(CultureInfo.InvariantCulture)}-base{Base.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public int PromptLength => KeyLength + 2;

    /// <inheritdoc />
    public int AnswerLength => Bits;

    /// <inheritdoc />
    public double Chance => 1.0 / Base;

    /// <inheritdoc />
    public string Format => Base == 2
        ? string.Create(CultureInfo.InvariantCulture,
            $"C or F then one of {Keys} {KeyLength}-digit keys then =; each key has a fixed random {Bits}-bit value; C (p = {Prior:0.###} in training) recalls it, F flips it; scored on F of keys whose F prompt never trains")
        : string.Create(CultureInfo.InvariantCulture,
            $"C or F then one of {Keys} {KeyLength}-digit keys then =; each key has a fixed random {Bits}-digit base-{Base} value; C (p = {Prior:0.###} in training) recalls it, F adds 1 to every digit mod {Base}; scored on F of keys whose F prompt never trains");

    /// <summary>The value of key number <paramref name="index"/>, digit by digit (0 to <see cref="Base"/> − 1).</summary>
    public ReadOnlySpan<byte> Value(int index) => _values.AsSpan(index * Bits, Bits);

    /// <summary>The digits of key number <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> Key(int index) => _keyDigits.AsSpan(index * KeyLength, KeyLength);

    /// <inheritdoc />
    public ulong Write(ref Xoshiro256 rng, bool evaluation, Span<int> example)
    {
        bool flip = evaluation || rng.NextDouble() >= Prior;
        int index = rng.NextInt(Keys);
        example[0] = flip ? TaskTokens.Flip : TaskTokens.Copy;
        Key(index).CopyTo(example[1..]);
        example[KeyLength + 1] = TaskTokens.EqualsSign;
        var value = Value(index);
        for (int i = 0; i < Bits; i++) example[PromptLength + i] = TaskTokens.Digit(flip ? (value[i] + 1) % Base : value[i]);
        return (flip ? FlipBit : 0UL) | (uint)index;
    }

    /// <summary>Only F prompts are held out: the C prompts are the facts every question presupposes.</summary>
    public bool CanBeHeldOut(ulong key) => (key & FlipBit) != 0;

    // Keys: all KeyLength-digit strings when Keys is a power of ten, else a random sample of them without replacement
    // (a partial Fisher–Yates shuffle); values: random bits, balanced position by position.
    private static (int[] Keys, byte[] Values) DrawTable(int keys, int keyLength, int bits, int numberBase, ulong seed)
    {
        var rng = Xoshiro256.ForStream(seed, TableStream);
        int space = (int)Math.Pow(10, keyLength);
        var numbers = Enumerable.Range(0, space).ToArray();
        for (int i = 0; i < keys; i++)
        {
            int j = i + rng.NextInt(space - i);
            (numbers[i], numbers[j]) = (numbers[j], numbers[i]);
        }
        var digits = new int[keys * keyLength];
        for (int i = 0; i < keys; i++)
            for (int d = keyLength - 1, n = numbers[i]; d >= 0; d--, n /= 10) digits[i * keyLength + d] = TaskTokens.Digit(n % 10);
        // Every bit position holds exactly half ones (a shuffled balanced column): with uniform random bits a column's
        // majority would be a guess better than a coin on the table, so a model that learns only the answers' marginal
        // would score off 0.5 on the scored keys, and chance would not be 0.5 (pilot: 0.42 to 0.44 for models that
        // memorised nothing).
        var values = new byte[keys * bits];
        var column = new byte[keys];
        for (int b = 0; b < bits; b++)
        {
            if (numberBase == 2)
                for (int i = 0; i < keys; i++) column[i] = (byte)(i < keys / 2 || (i == keys / 2 && keys % 2 == 1 && rng.NextInt(2) == 1) ? 1 : 0);
            else
                for (int i = 0; i < keys; i++) column[i] = (byte)(i % numberBase);
            for (int i = keys - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (column[i], column[j]) = (column[j], column[i]);
            }
            for (int i = 0; i < keys; i++) values[i * bits + b] = column[i];
        }
        return (digits, values);
    }
}
