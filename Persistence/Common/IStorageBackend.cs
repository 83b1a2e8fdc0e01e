namespace VibeCoder.Persistence;

/// <summary>What the start-up task and the readiness check need from a database-backed provider.</summary>
internal interface IStorageBackend
{
    /// <summary>A short name for messages, e.g. "PostgreSQL grain storage 'Default'". Never contains a password.</summary>
    string Description { get; }

    /// <summary>Creates the provider's tables if they are missing. Idempotent and safe to run concurrently.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Runs <c>SELECT 1</c> against the database.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
