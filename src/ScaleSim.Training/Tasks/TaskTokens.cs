using System.Text;

namespace ScaleSim.Training.Tasks;

/// <summary>
/// The task vocabulary: ten digits and six symbols, ids 0–15. A task source with a Markov background puts the
/// background's tokens after these (background token t is id <see cref="Count"/> + t), so the two never collide.
/// </summary>
public static class TaskTokens
{
    /// <summary>Tokens in the task vocabulary.</summary>
    public const int Count = 16;

    /// <summary>'+', between the operands of an addition.</summary>
    public const int Plus = 10;

    /// <summary>'=', the end of every prompt: the answer follows.</summary>
    public const int EqualsSign = 11;

    /// <summary>';', before and after every example.</summary>
    public const int Separator = 12;

    /// <summary>'R', the marker of a reversal prompt.</summary>
    public const int Reverse = 13;

    /// <summary>'C', the distractor task's copy marker (the frequent prior).</summary>
    public const int Copy = 14;

    /// <summary>'F', the distractor task's flip marker (the rare rule the evaluation asks for).</summary>
    public const int Flip = 15;

    private const string Symbols = "0123456789+=;RCF";

    /// <summary>The token of digit <paramref name="d"/> (0–9).</summary>
    public static int Digit(int d) => d;

    /// <summary>Tokens as text: digits and symbols as themselves, background tokens as <c>·</c>.</summary>
    public static string Render(ReadOnlySpan<int> tokens)
    {
        var text = new StringBuilder(tokens.Length);
        foreach (int t in tokens) text.Append(t is >= 0 and < Count ? Symbols[t] : '·');
        return text.ToString();
    }
}
