namespace VibeCoder.Telegram.Types;

/// <summary>A command shown in the bot's menu (Bot API <c>BotCommand</c>).</summary>
/// <param name="Command">1–32 characters: lowercase English letters, digits and underscores, without the slash.</param>
/// <param name="Description">1–256 characters.</param>
public sealed record BotCommand(string Command, string Description);
