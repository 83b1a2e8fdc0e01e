using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VibeCoder.Telegram.Configuration;

namespace VibeCoder.Telegram.Pacing;

/// <summary>
/// Paces outgoing messages so the bot stays under Telegram's flood limits: a token bucket per chat (private chats
/// and groups have different rates) and one global bucket. Waiting is asynchronous and cancellable.
/// </summary>
/// <remarks>
/// Locking: each bucket is its own lock and no two are held at once. A caller first waits for its chat's token,
/// then for a global one, so a chat that is being paced does not hold global capacity hostage. Buckets that have
/// refilled completely are dropped on a periodic sweep, which keeps memory proportional to recently active chats.
/// </remarks>
internal sealed class OutgoingMessagePacer
{
    private readonly ConcurrentDictionary<long, TokenBucket> _chats = new();
    private readonly TokenBucket _global;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private long _lastSweep;

    public OutgoingMessagePacer(IOptions<TelegramOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _lastSweep = time.GetTimestamp();
        _global = new TokenBucket(_options.GlobalBurst, _options.GlobalMessagesPerSecond, _lastSweep);
    }

    /// <summary>Chats with pacing state; bounded by the chats active within about one sweep interval.</summary>
    internal int TrackedChats => _chats.Count;

    /// <summary>Completes when one more message may be sent to <paramref name="chatId"/>.</summary>
    public async ValueTask WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        SweepIfDue();
        var chatBucket = ReserveChatToken(chatId, out var chatWait);
        await WaitOrRefundAsync(chatBucket, chatWait, cancellationToken).ConfigureAwait(false);

        TimeSpan globalWait;
        lock (_global)
        {
            globalWait = _global.Reserve(_time.GetTimestamp(), _time);
        }

        await WaitOrRefundAsync(_global, globalWait, cancellationToken).ConfigureAwait(false);
    }

    private TokenBucket ReserveChatToken(long chatId, out TimeSpan wait)
    {
        // A bucket can be retired by the sweep between the lookup and the lock; then look up again (a new one).
        while (true)
        {
            var bucket = _chats.GetOrAdd(chatId, CreateChatBucket);
            lock (bucket)
            {
                if (!bucket.Retired)
                {
                    wait = bucket.Reserve(_time.GetTimestamp(), _time);
                    return bucket;
                }
            }
        }
    }

    private TokenBucket CreateChatBucket(long chatId)
    {
        // Negative ids are groups, supergroups and channels, which Telegram limits per minute rather than per second.
        var perSecond = chatId < 0 ? _options.GroupMessagesPerMinute / 60 : _options.PerChatMessagesPerSecond;
        return new TokenBucket(_options.PerChatBurst, perSecond, _time.GetTimestamp());
    }

    private async ValueTask WaitOrRefundAsync(TokenBucket bucket, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (bucket)
            {
                bucket.Refund();
            }

            throw;
        }
    }

    private void SweepIfDue()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (_time.GetElapsedTime(last, now) < _options.PacingSweepInterval
            || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (chatId, bucket) in _chats)
        {
            lock (bucket)
            {
                if (bucket.IsFull(now, _time))
                {
                    bucket.Retired = true;
                    _chats.TryRemove(new KeyValuePair<long, TokenBucket>(chatId, bucket));
                }
            }
        }
    }
}
