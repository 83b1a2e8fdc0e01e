namespace VibeCoder.Telegram.Types;

/// <summary>The current webhook (Bot API <c>WebhookInfo</c>).</summary>
public sealed record WebhookInfo
{
    /// <summary>The webhook URL; empty when the bot uses getUpdates.</summary>
    public string Url { get; init; } = "";

    /// <summary>True when a custom certificate was provided.</summary>
    public bool HasCustomCertificate { get; init; }

    /// <summary>Updates waiting to be delivered.</summary>
    public int PendingUpdateCount { get; init; }

    /// <summary>Unix time of the last delivery error, when there was one.</summary>
    public long? LastErrorDate { get; init; }

    /// <summary>The last delivery error, when there was one.</summary>
    public string? LastErrorMessage { get; init; }

    /// <summary>Maximum simultaneous connections for delivery.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>Update types subscribed to; empty means the default set.</summary>
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
