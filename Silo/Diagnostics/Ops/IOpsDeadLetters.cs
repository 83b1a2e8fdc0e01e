namespace VibeCoder.Silo.Diagnostics.Ops;

/// <summary>
/// The stream dead letters the ops page lists and re-drives: events a consumer gave up on after its retries. The
/// storage that keeps them registers an implementation (a singleton); without one the page's section says the
/// feature is not available on this storage.
/// </summary>
public interface IOpsDeadLetters
{
    /// <summary>The newest dead letters, newest first, at most <paramref name="limit"/> (1–500).</summary>
    Task<IReadOnlyList<OpsDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes the dead letter's event again on its stream and removes it from the dead letters (consumers are
    /// idempotent by event id, so a repeat is harmless).
    /// </summary>
    /// <returns>False when no dead letter has <paramref name="id"/> (already re-driven, or never existed).</returns>
    Task<bool> RedriveAsync(string id, CancellationToken cancellationToken);
}
