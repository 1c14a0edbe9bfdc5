namespace ScaleSim.Training.Runs;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>Every step of the budget was taken.</summary>
    Completed,

    /// <summary>The loss went non-finite or blew up; the run stopped at that step.</summary>
    Diverged,

    /// <summary>Cancelled (Ctrl-C); the last checkpoint is consistent and <c>--resume</c> continues it.</summary>
    Interrupted,
}
