using System.Collections.Concurrent;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// Which parts of each job's result were sent, so a delivery retried by the workflow (Telegram down for a while,
/// a 429 longer than the client waits) continues where it stopped instead of sending the albums again; and the status
/// text shown last, so an unchanged status is not edited again. In memory: after a crash in the middle of a delivery
/// the parts are sent again, which beats losing them.
/// </summary>
internal sealed class DeliveryLedger
{
    private const int MaxJobs = 10_000;

    private readonly ConcurrentDictionary<string, HashSet<string>> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _statusShown = new(StringComparer.Ordinal);

    /// <summary>The parts of <paramref name="jobId"/> sent so far; the workflow delivers one job at a time, so the set is not shared.</summary>
    public HashSet<string> For(string jobId)
    {
        if (_sent.Count > MaxJobs)
        {
            // Deliveries that never finished (the job failed for another reason) must not pile up forever.
            _sent.Clear();
        }

        return _sent.GetOrAdd(jobId, static _ => new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Records <paramref name="text"/> as the job's status text; false when it is already shown (two steps can share a
    /// status, and Telegram refuses an edit that changes nothing).
    /// </summary>
    public bool TryShowStatus(string jobId, string text)
    {
        if (_statusShown.Count > MaxJobs)
        {
            _statusShown.Clear();
        }

        var previous = _statusShown.GetValueOrDefault(jobId);
        if (previous == text)
        {
            return false;
        }

        _statusShown[jobId] = text;
        return true;
    }

    /// <summary>Forgets a job whose delivery finished.</summary>
    public void Complete(string jobId)
    {
        _sent.TryRemove(jobId, out _);
        _statusShown.TryRemove(jobId, out _);
    }
}
