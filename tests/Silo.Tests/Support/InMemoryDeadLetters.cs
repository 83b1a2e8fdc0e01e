using System.Collections.Concurrent;
using VibeCoder.Silo.Diagnostics.Ops;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>A hand-written dead letter store standing in for the storage's own (not written yet): add, list, re-drive.</summary>
public sealed class InMemoryDeadLetters : IOpsDeadLetters
{
    private readonly ConcurrentDictionary<string, OpsDeadLetter> _letters = new();
    private readonly ConcurrentQueue<string> _redriven = new();

    /// <summary>The ids re-driven so far, in order.</summary>
    public IReadOnlyCollection<string> Redriven => _redriven.ToArray();

    public OpsDeadLetter Add(string eventType, string error)
    {
        var letter = new OpsDeadLetter(
            "dl-" + Guid.NewGuid().ToString("N")[..12], "domain-events/job-1", Guid.NewGuid().ToString("N"), eventType, "corr-1", "history", error, 5, DateTimeOffset.UtcNow);
        _letters[letter.Id] = letter;
        return letter;
    }

    public Task<IReadOnlyList<OpsDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpsDeadLetter>>([.. _letters.Values.OrderByDescending(l => l.FailedAt).Take(limit)]);

    public Task<bool> RedriveAsync(string id, CancellationToken cancellationToken)
    {
        if (!_letters.TryRemove(id, out _))
        {
            return Task.FromResult(false);
        }

        _redriven.Enqueue(id);
        return Task.FromResult(true);
    }
}
