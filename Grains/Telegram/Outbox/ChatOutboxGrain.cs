using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Outbox;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Users;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>
/// One chat's outbox: replies Telegram could not take yet, stored, and sent one at a time in sequence order once it
/// answers again. Key: the chat id.
/// </summary>
/// <remarks>
/// <para>Concurrency: requests are turns as usual; sending runs in a grain timer that interleaves with them
/// (<see cref="GrainTimerCreationOptions.Interleave"/>), so a Telegram call that takes minutes never holds up
/// <see cref="Enqueue"/> or <see cref="GetBacklog"/>, which the chat's session calls in its own turns. State changes
/// happen between awaits on the activation's single thread; writes are serialised by <see cref="_writing"/>, and the
/// sender removes a message by its sequence number, so an append that slipped in while it sent is kept.</para>
/// <para>Waiting is never a turn: between attempts only the timer is armed (backoff, or Telegram's retry_after for
/// this chat alone). A durable reminder, registered while anything waits, brings the outbox back after a restart.</para>
/// <para>Outcomes per message: sent, then the next; 5xx or unreachable, try again after a backoff; 429, wait
/// retry_after; 403 (blocked), mark the user inactive and drop the whole queue; any other refusal (400…), drop that
/// message with a log line, since sending it again cannot succeed and it would block the chat.</para>
/// </remarks>
internal sealed partial class ChatOutboxGrain(
    [PersistentState("outbox")] IPersistentState<ChatOutboxState> state,
    BotReplies replies,
    IOptions<ChatOutboxOptions> options,
    TimeProvider clock,
    ILogger<ChatOutboxGrain> logger) : Grain, IChatOutboxGrain, IRemindable
{
    private const string ReminderName = "outbox";

    private readonly SemaphoreSlim _writing = new(1, 1);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IGrainTimer? _timer;
    private bool _sending;
    private int _failures;
    private long _version;
    private int _sent;
    private int _dropped;

    private long ChatId => this.GetPrimaryKeyLong();

    private ChatOutboxOptions Options => options.Value;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Woken by the reminder after a restart, or by the session's next question: try again now.
        if (state.State.Pending.Count > 0)
        {
            Arm(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> GetBacklog() => Task.FromResult(state.State.Pending.Count);

    /// <inheritdoc />
    public Task<OutboxSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    /// <inheritdoc />
    public async Task<OutboxSnapshot> WaitForChange(long knownVersion, TimeSpan maxWait)
    {
        if (knownVersion == _version)
        {
            var wait = maxWait < IChatOutboxGrain.MaxWait ? maxWait : IChatOutboxGrain.MaxWait;
            try
            {
                await _changed.Task.WaitAsync(wait, clock);
            }
            catch (TimeoutException)
            {
                // Nothing changed: the caller gets the same snapshot and asks again.
            }
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<int> Enqueue(IReadOnlyList<OutgoingMessage> messages, DateTimeOffset? notBefore)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var current = state.State;
        var wasEmpty = current.Pending.Count == 0;
        var now = clock.GetUtcNow();
        var (next, added, overflow) = OutboxQueue.Append(current, messages, now, Options.Limit);
        var laterStart = notBefore is { } until && until > (current.NotBefore ?? DateTimeOffset.MinValue);
        if (added == 0 && !laterStart)
        {
            return current.Pending.Count;
        }

        if (overflow.Count > 0)
        {
            Log.Overflow(logger, ChatId, overflow.Count, string.Join(", ", overflow.Select(entry => entry.Message.Key)));
            _dropped += overflow.Count;
        }

        state.State = next with { NotBefore = laterStart ? notBefore : current.NotBefore };
        await SaveAsync();
        if (wasEmpty)
        {
            Log.Queued(logger, ChatId, added);
            await this.RegisterOrUpdateReminder(ReminderName, Options.ReminderPeriod, Options.ReminderPeriod);
        }

        if (!_sending && (wasEmpty || _timer is null))
        {
            // The session queues only after a send just failed, so the first attempt waits a backoff (or retry_after).
            Arm(Delay(state.State.NotBefore, now, Backoff(1)));
        }

        Changed();
        return state.State.Pending.Count;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending.Count == 0)
        {
            await UnregisterReminderAsync();
            return;
        }

        if (_timer is null && !_sending)
        {
            Arm(TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        _changed.TrySetResult();
        return Task.CompletedTask;
    }

    // The timer's callback. One run sends until the queue is empty or Telegram refuses, then arms the next run.
    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                await DropExpiredAsync(now);
                if (state.State.Pending.Count == 0)
                {
                    await FinishAsync();
                    if (state.State.Pending.Count == 0)
                    {
                        return;
                    }

                    // Queued while the reminder was being removed: it must be there again, and a fresh timer (this
                    // one is disposed, its token cancelled) sends on.
                    await this.RegisterOrUpdateReminder(ReminderName, Options.ReminderPeriod, Options.ReminderPeriod);
                    Arm(TimeSpan.Zero);
                    return;
                }

                if (state.State.NotBefore is { } notBefore && notBefore > now)
                {
                    Arm(notBefore - now);
                    return;
                }

                var head = state.State.Pending[0];
                var outcome = await SendAsync(head, cancellationToken);
                if (outcome == Outcome.Failed)
                {
                    _failures++;
                    Arm(Backoff(_failures));
                    return;
                }

                if (outcome == Outcome.Later)
                {
                    Arm(Delay(state.State.NotBefore, clock.GetUtcNow(), TimeSpan.Zero));
                    return;
                }

                if (outcome == Outcome.Blocked)
                {
                    await DropAllForBlockedUserAsync(head);
                    continue;
                }

                _failures = 0;
                if (outcome == Outcome.Sent)
                {
                    _sent++;
                }
                else
                {
                    _dropped++;
                }

                state.State = state.State with { Pending = [.. state.State.Pending.Where(entry => entry.Sequence != head.Sequence)], NotBefore = null };
                await SaveAsync();
                Changed();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage failed: this activation may believe what storage does not hold. The reminder brings a fresh one.
            Log.SendingInterrupted(logger, ChatId, exception);
            DeactivateOnIdle();
        }
        catch (OperationCanceledException)
        {
            // Deactivating: the reminder resumes.
        }
        finally
        {
            _sending = false;
        }
    }

    private async Task<Outcome> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        try
        {
            if (message.StatusOfJobId is { } jobId && await IsPastStatusAsync(jobId))
            {
                Log.StatusSkipped(logger, ChatId, jobId);
                return Outcome.Dropped;
            }

            var keyboard = message.KeyboardJson is null ? null : JsonSerializer.Deserialize<InlineKeyboardMarkup>(message.KeyboardJson, JsonBotAPI.Options);
            if (message.EditMessageId is { } messageId)
            {
                await replies.EditAsync(ChatId, messageId, message.Text, keyboard, cancellationToken);
            }
            else
            {
                await replies.SendAsync(ChatId, message.Text, keyboard, cancellationToken);
            }

            return Outcome.Sent;
        }
        catch (TelegramRetryLaterException flood)
        {
            state.State = state.State with { NotBefore = flood.RetryAt };
            return Outcome.Later;
        }
        catch (TelegramUserBlockedException)
        {
            return Outcome.Blocked;
        }
        catch (Exception exception) when (TelegramFailures.IsOutage(exception))
        {
            Log.StillUnreachable(logger, ChatId, state.State.Pending.Count, exception.Message);
            return Outcome.Failed;
        }
        catch (ApiRequestException refused)
        {
            Log.Refused(logger, ChatId, message.Key, refused.ErrorCode, refused.Message);
            return Outcome.Dropped;
        }
    }

    // A status message ("accepted, writing…") that would arrive after the slides only confuses.
    private async Task<bool> IsPastStatusAsync(string jobId) =>
        await GrainFactory.GetGrain<ICarouselJobGrain>(jobId).Get() is { } job && (job.IsFinal || job.Status == JobStatus.Delivering);

    private async Task DropAllForBlockedUserAsync(OutboxEntry head)
    {
        var pending = state.State.Pending;
        var last = pending.Count > 0 ? pending[^1].Sequence : head.Sequence;
        Log.UserBlocked(logger, ChatId, pending.Count);
        foreach (var userId in pending.Select(entry => entry.Message.UserId).Prepend(head.Message.UserId).Distinct(StringComparer.Ordinal))
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).SetInactive(true);
        }

        // Only what waited when Telegram said so: a reply queued meanwhile answers a later update, which touched the user.
        _dropped += pending.Count;
        state.State = state.State with { Pending = [.. state.State.Pending.Where(entry => entry.Sequence > last)], NotBefore = null };
        await SaveAsync();
        Changed();
    }

    private async Task DropExpiredAsync(DateTimeOffset now)
    {
        var (next, expired) = OutboxQueue.WithoutExpired(state.State, now, Options.MaxAge);
        if (expired.Count == 0)
        {
            return;
        }

        Log.Expired(logger, ChatId, expired.Count, Options.MaxAge);
        _dropped += expired.Count;
        state.State = next;
        await SaveAsync();
        Changed();
    }

    // The queue is empty: nothing to resume after a restart, and no timer to keep.
    private async Task FinishAsync()
    {
        _failures = 0;
        _timer?.Dispose();
        _timer = null;
        await UnregisterReminderAsync();
        Changed();
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void Arm(TimeSpan dueTime)
    {
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(
                SendPendingAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task SaveAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private void Changed()
    {
        _version++;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private OutboxSnapshot Snapshot() => new(
        ChatId, _version, [.. state.State.Pending.Select(entry => entry.Message.Key)], state.State.NotBefore, _sent, _dropped);

    private TimeSpan Backoff(int failures) => Options.BackoffAfter(failures);

    private static TimeSpan Delay(DateTimeOffset? notBefore, DateTimeOffset now, TimeSpan atLeast) =>
        notBefore is { } until && until - now > atLeast ? until - now : atLeast;

    private enum Outcome
    {
        Sent,
        Dropped,
        Failed,
        Later,
        Blocked,
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Chat {ChatId}: Telegram did not take a reply; {Count} message(s) queued in the chat's outbox")]
        public static partial void Queued(ILogger logger, long chatId, int count);

        [LoggerMessage(2, LogLevel.Warning, "Chat {ChatId}: outbox full; dropped the {Count} oldest message(s) ({Keys})")]
        public static partial void Overflow(ILogger logger, long chatId, int count, string keys);

        [LoggerMessage(3, LogLevel.Warning, "Chat {ChatId}: dropped {Count} queued message(s) older than {MaxAge}")]
        public static partial void Expired(ILogger logger, long chatId, int count, TimeSpan maxAge);

        [LoggerMessage(4, LogLevel.Information, "Chat {ChatId}: the user blocked the bot; marked inactive and dropped {Count} queued message(s)")]
        public static partial void UserBlocked(ILogger logger, long chatId, int count);

        [LoggerMessage(5, LogLevel.Warning, "Chat {ChatId}: Telegram refused queued message {Key} with {ErrorCode} ({Description}); dropped it")]
        public static partial void Refused(ILogger logger, long chatId, string key, int errorCode, string description);

        [LoggerMessage(6, LogLevel.Debug, "Chat {ChatId}: Telegram still unreachable, {Count} message(s) wait: {Reason}")]
        public static partial void StillUnreachable(ILogger logger, long chatId, int count, string reason);

        [LoggerMessage(7, LogLevel.Debug, "Chat {ChatId}: left out the queued status message of carousel {JobId}, which has moved on")]
        public static partial void StatusSkipped(ILogger logger, long chatId, string jobId);

        [LoggerMessage(8, LogLevel.Warning, "Chat {ChatId}: sending from the outbox was interrupted; the reminder resumes it")]
        public static partial void SendingInterrupted(ILogger logger, long chatId, Exception exception);
    }
}
