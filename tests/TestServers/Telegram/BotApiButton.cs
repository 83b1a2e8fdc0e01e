namespace VibeCoder.TestServers.Telegram;

/// <summary>A button of an inline keyboard a call carried in reply_markup.</summary>
public sealed record BotApiButton(string Text, string? CallbackData, string? Url);
