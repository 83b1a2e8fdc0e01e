namespace VibeCoder.TestServers.Telegram;

/// <summary>The webhook a client set with setWebhook.</summary>
public sealed record BotApiWebhook(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, bool DropPendingUpdates);
