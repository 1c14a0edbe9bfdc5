namespace ScaleSim.Cli.Output;

/// <summary>How a command prints its result: a table for people, JSON or CSV for programs.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text tables (the default).</summary>
    Table,

    /// <summary>One JSON document on stdout.</summary>
    Json,

    /// <summary>CSV with a header row and every number at full precision.</summary>
    Csv,
}
