using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Limits;

namespace VibeCoder.Grains.Telegram;

/// <summary>
/// The few ways the bot writes to a chat, over Telegram.Bot's <see cref="ITelegramBotClient"/>: long texts split,
/// harmless edit refusals ("message is not modified") ignored, a lost message to edit replaced by a new one, and button
/// answers best effort. A user who blocked the bot still surfaces as <see cref="TelegramUserBlockedException"/>, and
/// Telegram's flood control as <see cref="TelegramRetryLaterException"/>.
/// </summary>
internal sealed partial class BotReplies(ITelegramBotClient bot, ILogger<BotReplies> logger)
{
    /// <summary>The client, for the calls these helpers do not cover (albums, documents).</summary>
    public ITelegramBotClient Bot => bot;

    /// <summary>Sends <paramref name="text"/> (split when longer than a message); the keyboard goes under the last part.</summary>
    /// <returns>The last message sent.</returns>
    public async Task<Message> SendAsync(long chatId, string text, InlineKeyboardMarkup? keyboard = null, CancellationToken cancellationToken = default)
    {
        var parts = TelegramText.Split(text);
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            last = await bot.SendMessage(
                chatId, parts[i], replyMarkup: i == parts.Count - 1 ? keyboard : null, linkPreviewOptions: LinkPreviewOff(), cancellationToken: cancellationToken);
        }

        return last ?? throw new ArgumentException("A reply needs some text.", nameof(text));
    }

    /// <summary>
    /// Replaces the text and keyboard of the bot's message <paramref name="messageId"/>; when Telegram cannot edit it
    /// (deleted, too old) the text is sent as a new message instead.
    /// </summary>
    public async Task EditAsync(long chatId, int messageId, string text, InlineKeyboardMarkup? keyboard = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.EditMessageText(
                chatId, messageId, TelegramText.Truncate(text, TelegramLimits.MaxMessageLength), replyMarkup: keyboard,
                linkPreviewOptions: LinkPreviewOff(), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException refused) when (refused.ErrorCode == 400)
        {
            if (refused.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                return; // the same text again: nothing to do
            }

            Log.EditFellBack(logger, chatId, messageId, refused.Message);
            await SendAsync(chatId, text, keyboard, cancellationToken);
        }
    }

    /// <summary>Stops a button's spinner, optionally with a short notice; refusals (a press too old to answer) are only logged.</summary>
    public async Task AnswerAsync(CallbackQuery query, string? notice = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.AnswerCallbackQuery(
                query.Id, notice is null ? null : TelegramText.Truncate(notice, TelegramLimits.MaxCallbackAnswerLength), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException refused) when (refused is not TelegramUserBlockedException)
        {
            Log.AnswerFailed(logger, refused.Message);
        }
    }

    /// <summary>Shows "typing…" or "sending photo…"; purely cosmetic, so failures other than a block are ignored.</summary>
    public async Task ChatActionAsync(long chatId, ChatAction action, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.SendChatAction(chatId, action, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not TelegramUserBlockedException and not OperationCanceledException)
        {
            Log.ChatActionFailed(logger, chatId, exception.Message);
        }
    }

    private static LinkPreviewOptions LinkPreviewOff() => new() { IsDisabled = true };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Could not edit message {MessageId} in chat {ChatId} ({Description}); sent a new one")]
        public static partial void EditFellBack(ILogger logger, long chatId, int messageId, string description);

        [LoggerMessage(2, LogLevel.Debug, "Could not answer a button press: {Description}")]
        public static partial void AnswerFailed(ILogger logger, string description);

        [LoggerMessage(3, LogLevel.Debug, "Could not send a chat action to chat {ChatId}: {Reason}")]
        public static partial void ChatActionFailed(ILogger logger, long chatId, string reason);
    }
}
