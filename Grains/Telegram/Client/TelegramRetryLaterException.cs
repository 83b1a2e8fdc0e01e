using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Telegram's flood control answered 429, or our own pacing queue is full: nothing was sent, and the call may be made
/// again at <see cref="RetryAt"/>. Thrown at once rather than waited out, so no grain turn is held for Telegram's
/// retry_after; the caller turns it into a later attempt (the workflow's retry timer, the stream's redelivery).
/// </summary>
internal sealed class TelegramRetryLaterException : ApiRequestException
{
    /// <summary>Creates the exception for a call of <paramref name="method"/>.</summary>
    public TelegramRetryLaterException(string method, long? chatId, TimeSpan retryAfter, DateTimeOffset retryAt, string reason, Exception? inner = null)
        : base(
            $"Telegram {method}: {reason}; retry after {retryAfter.TotalSeconds:0.###} s",
            429,
            new ResponseParameters { RetryAfter = (int)Math.Ceiling(retryAfter.TotalSeconds) },
            inner!)
    {
        Method = method;
        ChatId = chatId;
        RetryAfter = retryAfter;
        RetryAt = retryAt;
    }

    /// <summary>The Bot API method that was refused, e.g. <c>sendMessage</c>.</summary>
    public string Method { get; }

    /// <summary>The chat the call wrote to, when it had one.</summary>
    public long? ChatId { get; }

    /// <summary>How long to wait (Telegram's retry_after, scaled by <c>TELEGRAM_RETRY_AFTER_SCALE</c>).</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>The earliest time the call may be made again.</summary>
    public DateTimeOffset RetryAt { get; }
}
