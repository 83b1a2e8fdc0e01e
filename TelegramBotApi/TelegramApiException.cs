namespace VibeCoder.Telegram;

/// <summary>The Bot API answered a call with <c>ok: false</c> (after any retries the client makes).</summary>
/// <remarks>The message names the method, the error code and Telegram's description; it never contains the token.</remarks>
public class TelegramApiException : Exception
{
    /// <summary>Creates the exception for a failed call of <paramref name="method"/>.</summary>
    public TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null, long? migrateToChatId = null)
        : base($"Telegram {method} failed with {errorCode}: {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    /// <summary>The Bot API method that failed, e.g. <c>sendMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Telegram's error_code, usually the HTTP status: 400, 403, 429, 5xx…</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's description, e.g. <c>Bad Request: message is too long</c>.</summary>
    public string Description { get; }

    /// <summary>For 429: how long Telegram asked to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The group moved to a supergroup with this chat id; resend there.</summary>
    public long? MigrateToChatId { get; }
}
