namespace ScaleSim.Training.Data;

/// <summary>What a <see cref="DataSourceSpec"/> describes.</summary>
public enum DataSourceKind
{
    /// <summary>The random sparse Markov source (<see cref="MarkovSource"/>), whose entropy floor is known exactly.</summary>
    Markov,

    /// <summary>Synthetic tasks (<see cref="Tasks.TaskSource"/>), scored on held-out problems.</summary>
    Tasks,

    /// <summary>A file read as bytes (<see cref="ByteTextSource"/>).</summary>
    File,
}
