using VibeCoder.Grains.State;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Conversation;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Telegram.Events;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace VibeCoder.Grains.Sessions;

/// <summary>
/// One Telegram chat's session. Every update the gateway accepted for the chat arrives here through the durable stream
/// <see cref="TelegramUpdateReceived.StreamNamespace"/>/chat id, one turn at a time and in order; chats run in parallel.
/// </summary>
/// <remarks>
/// Delivery is at least once, and Telegram itself re-posts an update whose answer it missed, so the session remembers
/// the latest update ids and drops repeats. The id is stored in the same write as the session's changes, after the
/// update was handled: a crash in between handles the update again, which the job id derived from the update makes
/// harmless for carousels, and the reply keys the chat's outbox keeps for replies. Telegram being down or holding the
/// chat (429) does not fail the turn: the replies wait in the chat's outbox (<c>IChatOutboxGrain</c>). A failure worth
/// retrying that is not Telegram's (a silo lost mid-call) is rethrown, so the stream delivers the update again.
/// </remarks>
[ImplicitStreamSubscription(TelegramUpdateReceived.StreamNamespace)]
internal sealed partial class SessionGrain(
    [PersistentState("session")] IPersistentState<SessionState> state,
    TelegramConversation conversation,
    BotStatistics statistics,
    BotEvents events,
    IOptions<TelegramBotOptions> options,
    TimeProvider clock,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An implicit subscription delivers to this activation only once it attaches a handler.
        var stream = this.GetStreamProvider(TelegramStreams.ProviderName)
            .GetStream<TelegramUpdateReceived>(StreamId.Create(TelegramUpdateReceived.StreamNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(OnNextAsync);
    }

    /// <inheritdoc />
    public Task<SessionSnapshot> GetSnapshot()
    {
        var s = state.State;
        return Task.FromResult(new SessionSnapshot(
            this.GetPrimaryKeyString(), s.UserId, s.Awaiting, s.ActiveJobId, s.HandledUpdates, s.RecentUpdateIds.Count > 0 ? s.RecentUpdateIds[^1] : null, s.CreatedAt,
            s.PendingBackground));
    }

    private async Task OnNextAsync(TelegramUpdateReceived item, StreamSequenceToken? token)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.EnterContext();
        if (IsRepeat(item.UpdateId))
        {
            statistics.DuplicateDropped();
            Log.RepeatDropped(logger, item.UpdateId, item.ChatId);
            return;
        }

        Update update;
        try
        {
            update = TelegramUpdates.Parse(System.Text.Encoding.UTF8.GetBytes(item.Update));
        }
        catch (JsonException exception)
        {
            // Cannot happen for updates the gateway parsed already; never retry what can never be read.
            Log.UnreadableUpdate(logger, item.UpdateId, exception);
            await SaveAsync(state.State, item.UpdateId);
            return;
        }

        var isNewSession = state.State.CreatedAt is null;
        var outcome = await conversation.HandleAsync(update, item.ChatId, state.State, CancellationToken.None);
        if (outcome.UserId is { } userId)
        {
            RequestContext.Set(CorrelationKeys.UserId, userId);
            await PublishEventsAsync(item, update, outcome, userId, isNewSession);
        }

        await SaveAsync(outcome.Session with { UserId = outcome.UserId ?? outcome.Session.UserId }, item.UpdateId);
    }

    private bool IsRepeat(long updateId)
    {
        var recent = state.State.RecentUpdateIds;

        // Ids increase per bot; one older than everything remembered in a full window is a late repeat too.
        return recent.Contains(updateId) || (recent.Count >= options.Value.RememberedUpdateIds && updateId < recent[0]);
    }

    private async Task PublishEventsAsync(TelegramUpdateReceived item, Update update, ConversationOutcome outcome, string userId, bool isNewSession)
    {
        if (isNewSession)
        {
            await events.PublishAsync(item.UpdateId, userId, new UserSessionCreated(userId, item.ChatId));
        }

        if (update.Message is { } message)
        {
            await events.PublishAsync(item.UpdateId, userId, new UserMessageReceived(userId, item.ChatId, message.Id, outcome.Text ?? ""));
        }

        if (outcome.Command is { } command && BotCommandText.TryParse(outcome.Text, out var typed))
        {
            await events.PublishAsync(
                item.UpdateId, userId, new CommandExecuted(userId, item.ChatId, "/" + command, typed.Arguments.Length == 0 ? null : typed.Arguments, command != "unknown"));
        }

        if (outcome.Interaction is { } interaction)
        {
            await events.PublishAsync(item.UpdateId, userId, new UserInteractionTracked(userId, interaction, JobOf(update.CallbackQuery?.Data)));
        }
    }

    private Task SaveAsync(SessionState next, long updateId)
    {
        var now = clock.GetUtcNow();
        var remembered = next.RecentUpdateIds.Append(updateId).Order().TakeLast(options.Value.RememberedUpdateIds).ToArray();
        return state.WriteOrRestoreAsync(next with
        {
            RecentUpdateIds = remembered,
            HandledUpdates = next.HandledUpdates + 1,
            CreatedAt = next.CreatedAt ?? now,
            LastActivityAt = now,
        });
    }

    private static string? JobOf(string? callbackData) =>
        CallbackData.Parse(callbackData) is { Length: > 0 } parts && JobIds.IsJobId(parts[^1]) ? parts[^1] : null;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Dropped repeated update {UpdateId} of chat {ChatId}")]
        public static partial void RepeatDropped(ILogger logger, long updateId, long chatId);

        [LoggerMessage(2, LogLevel.Error, "Update {UpdateId} cannot be read; skipped")]
        public static partial void UnreadableUpdate(ILogger logger, long updateId, Exception exception);
    }
}
