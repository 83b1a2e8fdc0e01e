namespace VibeCoder.Telegram.Types;

/// <summary>Why a request failed and how to recover (Bot API <c>ResponseParameters</c>).</summary>
public sealed record ResponseParameters
{
    /// <summary>After a 429 (flood control): seconds to wait before repeating the request.</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The group moved to a supergroup with this identifier.</summary>
    public long? MigrateToChatId { get; init; }
}
