using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Gateway.Telegram;

/// <summary>What the bot asks Telegram for, in both modes.</summary>
internal static class TelegramAllowedUpdates
{
    /// <summary>The update kinds the conversation handles; Telegram sends nothing else.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["message", "edited_message", "callback_query", "my_chat_member"];

    /// <summary>The command menu in <paramref name="language"/>.</summary>
    public static IReadOnlyList<BotCommand> Commands(string language) =>
        BotTexts.For(language).Commands.Select(c => new BotCommand(c.Command, c.Description)).ToArray();
}
