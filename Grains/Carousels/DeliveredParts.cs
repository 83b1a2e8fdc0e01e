namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The parts of a job's result that already reached the user (album:0, caption, buttons…), and a durable way to add
/// one. A delivery skips what is here and records each part as soon as Telegram accepted it, so a delivery resumed
/// by another activation (a retry, a restarted or killed silo) sends only what had not arrived.
/// </summary>
/// <remarks>
/// Telegram's Bot API has no idempotency key: a crash after Telegram accepted a part and before it was recorded sends
/// that one part again. Recording right after each reply keeps that window to one storage write.
/// </remarks>
public sealed class DeliveredParts
{
    private readonly HashSet<string> _sent;
    private readonly Func<string, Task> _record;

    /// <summary>Starts from <paramref name="sent"/>; <paramref name="record"/> stores a newly sent part durably.</summary>
    public DeliveredParts(IEnumerable<string> sent, Func<string, Task> record)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(record);
        _sent = new HashSet<string>(sent, StringComparer.Ordinal);
        _record = record;
    }

    /// <summary>Parts kept only in memory (for callers without durable state, such as tests of the sender).</summary>
    public static DeliveredParts InMemory() => new([], static _ => Task.CompletedTask);

    /// <summary>Whether <paramref name="part"/> was sent already.</summary>
    public bool Contains(string part) => _sent.Contains(part);

    /// <summary>The parts sent so far.</summary>
    public IReadOnlyCollection<string> Sent => _sent;

    /// <summary>Records that <paramref name="part"/> reached the user; returns once it is stored.</summary>
    public async Task AddAsync(string part)
    {
        if (_sent.Add(part))
        {
            await _record(part);
        }
    }
}
