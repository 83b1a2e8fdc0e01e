using System.Collections.Concurrent;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// The status text each job shows last, so an unchanged status is not edited again (Telegram refuses an edit that
/// changes nothing). In memory: after a restart a status may be edited once more, which is harmless. What of a result
/// was sent is durable instead (<see cref="Carousels.DeliveredParts"/>, kept by the workflow).
/// </summary>
internal sealed class DeliveryLedger
{
    private const int MaxJobs = 10_000;

    private readonly ConcurrentDictionary<string, string> _statusShown = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _outageFailures = new(StringComparer.Ordinal);

    /// <summary>
    /// Records <paramref name="text"/> as the job's status text; false when it is already shown (two steps can share a
    /// status, and Telegram refuses an edit that changes nothing).
    /// </summary>
    public bool TryShowStatus(string jobId, string text)
    {
        if (_statusShown.Count > MaxJobs)
        {
            // Jobs that never finished must not pile up forever.
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

    /// <summary>
    /// Counts a delivery attempt of the job that found Telegram unreachable; the count sets the backoff before the next
    /// one. In memory: after a restart the backoff starts short again, which is harmless.
    /// </summary>
    /// <returns>Failed attempts in a row, this one included.</returns>
    public int CountOutage(string jobId)
    {
        if (_outageFailures.Count > MaxJobs)
        {
            _outageFailures.Clear();
        }

        return _outageFailures.AddOrUpdate(jobId, 1, (_, count) => count + 1);
    }

    /// <summary>Forgets a job whose delivery finished.</summary>
    public void Complete(string jobId)
    {
        _statusShown.TryRemove(jobId, out _);
        _outageFailures.TryRemove(jobId, out _);
    }
}
