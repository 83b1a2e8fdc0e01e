using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VibeCoder.Grains.Telegram.Texts;

namespace VibeCoder.Gateway.Telegram;

/// <summary>What the bot asks Telegram for, in both modes.</summary>
internal static class TelegramAllowedUpdates
{
    /// <summary>The update kinds the conversation handles; Telegram sends nothing else.</summary>
    public static IReadOnlyList<UpdateType> Kinds { get; } = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>The command menu in <paramref name="language"/>.</summary>
    public static IReadOnlyList<BotCommand> Commands(string language) =>
        BotTexts.For(language).Commands.Select(c => new BotCommand(c.Command, c.Description)).ToArray();
}
