using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Outbox;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Limits;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// How a conversation turn writes to its chat: straight to Telegram (<see cref="BotReplies"/>) while the chat's outbox
/// is empty, and into the outbox (<see cref="IChatOutboxGrain"/>) once Telegram failed to take a reply, so the turn
/// completes and the replies reach the chat later, in order.
/// </summary>
/// <remarks>
/// <para>The fast path costs one in-memory grain call per turn (is anything queued?) and no write. A send that fails
/// with a 5xx, a network error or a timeout after the client's own attempts, or with flood control (429), is queued
/// with every later reply of the turn; the next turns queue theirs behind it while anything waits. Each message is keyed
/// by update id and ordinal, so an update handled again after a crash does not queue its replies twice.</para>
/// <para>Not queued: button answers and chat actions (cosmetic, and stale minutes later), and files (ZIP, PDF, an album
/// sent again: bytes do not belong in grain state). When a file cannot go, the user is told, through the outbox, to
/// press the button again.</para>
/// </remarks>
internal sealed partial class ConversationReplies(BotReplies replies, IGrainFactory grains, ILogger<ConversationReplies> logger)
{
    /// <summary>
    /// Sends <paramref name="text"/> (split when longer than a message; the keyboard goes under the last part), or
    /// queues it. <paramref name="statusOfJobId"/> marks a carousel's status message.
    /// </summary>
    /// <returns>The last message sent, or null when the text was queued (its message id is not known yet).</returns>
    public async Task<Message?> SendAsync(
        ConversationTurn turn, string text, InlineKeyboardMarkup? keyboard = null, CancellationToken cancellationToken = default, string? statusOfJobId = null)
    {
        var parts = TelegramText.Split(text);
        var messages = parts
            .Select((part, i) => new OutgoingMessage(turn.NextOutgoingKey(), turn.UserId, part, i == parts.Count - 1 ? Json(keyboard) : null, null, statusOfJobId))
            .ToArray();
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            if (await IsBackloggedAsync(turn))
            {
                await QueueAsync(turn, messages[i..], null);
                return null;
            }

            try
            {
                last = await replies.SendAsync(turn.ChatId, parts[i], i == parts.Count - 1 ? keyboard : null, cancellationToken);
            }
            catch (Exception exception) when (TelegramFailures.CanWait(exception))
            {
                await QueueAsync(turn, messages[i..], (exception as TelegramRetryLaterException)?.RetryAt);
                return null;
            }
        }

        return last;
    }

    /// <summary>Replaces the text and keyboard of the bot's message <paramref name="messageId"/>, or queues the edit.</summary>
    public async Task EditAsync(
        ConversationTurn turn, int messageId, string text, InlineKeyboardMarkup? keyboard = null, CancellationToken cancellationToken = default)
    {
        var message = new OutgoingMessage(
            turn.NextOutgoingKey(), turn.UserId, TelegramText.Truncate(text, TelegramLimits.MaxMessageLength), Json(keyboard), messageId);
        if (await IsBackloggedAsync(turn))
        {
            await QueueAsync(turn, [message], null);
            return;
        }

        try
        {
            await replies.EditAsync(turn.ChatId, messageId, text, keyboard, cancellationToken);
        }
        catch (Exception exception) when (TelegramFailures.CanWait(exception))
        {
            await QueueAsync(turn, [message], (exception as TelegramRetryLaterException)?.RetryAt);
        }
    }

    /// <summary>
    /// Runs <paramref name="send"/>, which uploads a file to the chat; when Telegram cannot take it, or replies wait in
    /// the outbox, the user is told instead (queued) to ask again later.
    /// </summary>
    public async Task SendFileAsync(ConversationTurn turn, Func<Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (!await IsBackloggedAsync(turn))
        {
            try
            {
                await send();
                return;
            }
            catch (Exception exception) when (TelegramFailures.CanWait(exception))
            {
                Log.FileNotSent(logger, turn.ChatId, exception.Message);
            }
        }

        await SendAsync(turn, turn.Texts.FileNotSent, cancellationToken: cancellationToken);
    }

    /// <summary>Stops a button's spinner; an answer Telegram cannot take now is dropped (a late one is useless).</summary>
    public async Task AnswerAsync(CallbackQuery query, string? notice = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await replies.AnswerAsync(query, notice, cancellationToken);
        }
        catch (Exception exception) when (TelegramFailures.CanWait(exception))
        {
            Log.AnswerDropped(logger, exception.Message);
        }
    }

    /// <summary>Shows "typing…" and the like, unless replies wait in the outbox (Telegram is not answering then).</summary>
    public async Task ChatActionAsync(ConversationTurn turn, ChatAction action, CancellationToken cancellationToken = default)
    {
        if (!await IsBackloggedAsync(turn))
        {
            await replies.ChatActionAsync(turn.ChatId, action, cancellationToken);
        }
    }

    /// <summary>The client, for calls these helpers do not cover.</summary>
    public ITelegramBotClient Bot => replies.Bot;

    // Asked once per turn; the turn itself is the only writer of this chat's replies, so the answer holds until it queues.
    private async ValueTask<bool> IsBackloggedAsync(ConversationTurn turn) =>
        turn.OutboxBacklogged ??= await Outbox(turn).GetBacklog() > 0;

    private async Task QueueAsync(ConversationTurn turn, OutgoingMessage[] messages, DateTimeOffset? notBefore)
    {
        var backlog = await Outbox(turn).Enqueue(messages, notBefore);
        turn.OutboxBacklogged = true;
        Log.Queued(logger, turn.ChatId, messages.Length, backlog);
    }

    private IChatOutboxGrain Outbox(ConversationTurn turn) => grains.GetGrain<IChatOutboxGrain>(turn.ChatId);

    private static string? Json(InlineKeyboardMarkup? keyboard) =>
        keyboard is null ? null : JsonSerializer.Serialize(keyboard, JsonBotAPI.Options);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Chat {ChatId}: {Count} reply message(s) queued in the outbox (backlog {Backlog})")]
        public static partial void Queued(ILogger logger, long chatId, int count, int backlog);

        [LoggerMessage(2, LogLevel.Information, "Chat {ChatId}: a file could not be sent ({Reason}); the user is asked to try again")]
        public static partial void FileNotSent(ILogger logger, long chatId, string reason);

        [LoggerMessage(3, LogLevel.Debug, "A button answer was dropped: {Reason}")]
        public static partial void AnswerDropped(ILogger logger, string reason);
    }
}
