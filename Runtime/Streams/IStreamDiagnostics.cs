namespace VibeCoder.Runtime.Streams;

/// <summary>
/// What the dashboard shows about streams: the providers, the streams active in this process with each subscription's
/// position and lag, and dead letters; plus running retention on demand. Registered by every <c>Add…Streams</c> call.
/// </summary>
public interface IStreamDiagnostics
{
    /// <summary>The registered stream providers' names.</summary>
    IReadOnlyList<string> ProviderNames { get; }

    /// <summary>A snapshot of one provider: totals since start, lag, dead-letter count, and its active streams.</summary>
    /// <exception cref="ArgumentException">No provider has that name.</exception>
    Task<StreamProviderSnapshot> GetSnapshotAsync(string providerName, CancellationToken cancellationToken = default);

    /// <summary>The newest dead letters of a provider, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string providerName, int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>Applies the provider's retention now (it also runs every <see cref="StreamOptions.RetentionInterval"/>).</summary>
    /// <returns>How many items were removed.</returns>
    Task<long> ApplyRetentionAsync(string providerName, CancellationToken cancellationToken = default);
}
