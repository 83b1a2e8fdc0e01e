using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Keeps the bot under Telegram's flood limits: a token bucket per chat (about one message a second to a private
/// chat, 20 a minute to a group) chained with one global bucket (30 a second), both from System.Threading.RateLimiting;
/// and the holds Telegram itself asked for with a 429's retry_after, per chat.
/// </summary>
/// <remarks>
/// Waiting for a permit is asynchronous, in arrival order, and bounded by <see cref="TelegramOptions.PacingQueueLimit"/>;
/// a chat under a Telegram hold, or a full queue, is refused at once with <see cref="TelegramRetryLaterException"/>
/// instead of being waited out. A caller first waits for its chat's permit, then for a global one, so a chat that is
/// being paced holds no global capacity. Idle per-chat buckets are dropped by the partitioned limiter itself.
/// </remarks>
internal sealed class OutgoingMessagePacer : IDisposable
{
    // Bounds the hold table; holds last seconds to minutes, so it is rarely near this.
    private const int MaxHolds = 10_000;

    // Tokens accrue continuously at TokensPerPeriod / ReplenishmentPeriod, handed out on the partitioned limiter's
    // 100 ms heartbeat; whole tokens per period need a period of a second or more (3 s for 20 a minute).
    private static readonly TimeSpan MinPeriod = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<long> _limiter;
    private readonly ConcurrentDictionary<long, DateTimeOffset> _holds = new();
    private readonly TimeProvider _time;

    public OutgoingMessagePacer(IOptions<TelegramOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _time = time;
        var perChat = PartitionedRateLimiter.Create<long, long>(chatId => RateLimitPartition.GetTokenBucketLimiter(
            chatId,
            id => Bucket(
                // Negative ids are groups, supergroups and channels, which Telegram limits per minute.
                id < 0 ? settings.GroupMessagesPerMinute / 60 : settings.PerChatMessagesPerSecond,
                settings.PerChatBurst,
                settings.PacingQueueLimit)));
        var global = PartitionedRateLimiter.Create<long, int>(_ => RateLimitPartition.GetTokenBucketLimiter(
            0, _ => Bucket(settings.GlobalMessagesPerSecond, settings.GlobalBurst, settings.PacingQueueLimit)));
        _limiter = PartitionedRateLimiter.CreateChained(perChat, global);
    }

    /// <summary>Completes when one more message may be sent to <paramref name="chatId"/>.</summary>
    /// <exception cref="TelegramRetryLaterException">The chat is under a Telegram hold, or too many messages wait already.</exception>
    public async ValueTask AcquireAsync(long chatId, string method, CancellationToken cancellationToken)
    {
        ThrowIfHeld(chatId, method);
        using var lease = await _limiter.AcquireAsync(chatId, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : MinPeriod;
            throw new TelegramRetryLaterException(method, chatId, retryAfter, _time.GetUtcNow() + retryAfter, "too many messages wait for pacing");
        }
    }

    /// <summary>Refuses a call to a chat Telegram told us to leave alone for a while.</summary>
    /// <exception cref="TelegramRetryLaterException">The chat is under a hold.</exception>
    public void ThrowIfHeld(long chatId, string method)
    {
        if (!_holds.TryGetValue(chatId, out var until))
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (until <= now)
        {
            _holds.TryRemove(new KeyValuePair<long, DateTimeOffset>(chatId, until));
            return;
        }

        throw new TelegramRetryLaterException(method, chatId, until - now, until, "Telegram's flood control still holds this chat");
    }

    /// <summary>Remembers Telegram's retry_after for <paramref name="chatId"/>: calls to it fail fast until then.</summary>
    /// <returns>When the chat's hold ends: <paramref name="until"/>, or a later hold already in place.</returns>
    public DateTimeOffset Hold(long chatId, DateTimeOffset until)
    {
        var now = _time.GetUtcNow();
        if (_holds.Count >= MaxHolds)
        {
            foreach (var (id, expiry) in _holds)
            {
                if (expiry <= now)
                {
                    _holds.TryRemove(new KeyValuePair<long, DateTimeOffset>(id, expiry));
                }
            }
        }

        return _holds.AddOrUpdate(chatId, until, (_, earlier) => earlier > until ? earlier : until);
    }

    public void Dispose() => _limiter.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(double perSecond, int burst, int queueLimit)
    {
        var period = TimeSpan.FromSeconds(Math.Max(MinPeriod.TotalSeconds, 1 / perSecond));
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond * period.TotalSeconds));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, tokensPerPeriod),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,

            // The partitioned limiter's heartbeat refills the buckets; a timer per chat would cost more.
            AutoReplenishment = false,
        };
    }
}
