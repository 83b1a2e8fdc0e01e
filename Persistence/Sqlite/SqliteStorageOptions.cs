namespace VibeCoder.Persistence;

/// <summary>Where a SQLite-backed provider keeps its data.</summary>
/// <remarks>
/// <see cref="Path"/> defaults to <c>./data/vibecoder.db</c> (relative to the working directory); its directory is
/// created at start. Providers with the same path share one database file and one in-process writer gate.
/// </remarks>
public sealed class SqliteStorageOptions
{
    /// <summary>The default database file.</summary>
    public const string DefaultPath = "./data/vibecoder.db";

    /// <summary>The database file. Default <see cref="DefaultPath"/>.</summary>
    public string Path { get; set; } = DefaultPath;
}
