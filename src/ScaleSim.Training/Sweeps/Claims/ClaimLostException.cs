namespace ScaleSim.Training.Sweeps.Claims;

/// <summary>
/// Thrown on the training thread when its claim was taken over (its owner looked dead to another worker): training
/// stops at once, writing nothing more, because the run now belongs to someone else.
/// </summary>
public sealed class ClaimLostException : Exception
{
    /// <summary>Creates the exception for <paramref name="run"/>.</summary>
    public ClaimLostException(string run, string reason) : base($"{run}: claim lost ({reason})") => Run = run;

    /// <summary>The run.</summary>
    public string Run { get; }
}
