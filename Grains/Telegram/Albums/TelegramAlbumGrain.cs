using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Outbox;
using VibeCoder.Grains.Users;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Telegram.Albums;

/// <summary>
/// Keeps one carousel's Telegram album in line with the carousel (key: the job id); the job grain calls
/// <see cref="Sync"/> after every applied edit or undo while the album is known, whoever made the edit (bot or web).
/// </summary>
/// <remarks>
/// <para>Concurrency: an ordinary non-reentrant grain. Syncs run one at a time; one asked for while another runs waits
/// and then finds the job at its newest revision, so edits in quick succession end with the album of the last one.</para>
/// <para>Failures: flood control (429) waits Telegram's retry_after, an outage the outbox's backoff
/// (<see cref="ChatOutboxOptions.BackoffAfter"/>), in a grain timer; while a retry waits, a durable reminder brings the
/// grain back after a restart. A user who blocked the bot is marked inactive and the album is left alone. A sync
/// that a crash cut short before it was retried is repaired by the next edit's sync, since every pass compares keys.</para>
/// </remarks>
internal sealed partial class TelegramAlbumGrain(
    TelegramAlbumSynchronizer synchronizer,
    IOptions<ChatOutboxOptions> outbox,
    TimeProvider clock,
    ILogger<TelegramAlbumGrain> logger) : Grain, ITelegramAlbumGrain, IRemindable
{
    private const string ReminderName = "album-sync";

    private IGrainTimer? _retry;
    private int _failures;
    private bool _reminderSet;

    private string JobId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task Sync()
    {
        // A fresh request supersedes a waiting retry: this pass does what the retry would have done.
        _retry?.Dispose();
        _retry = null;
        return RunAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderSet = true;
        return _retry is null ? RunAsync(CancellationToken.None) : Task.CompletedTask;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var job = GrainFactory.GetGrain<ICarouselJobGrain>(JobId);
        var snapshot = await job.Get();
        if (snapshot is not { TelegramAlbum: not null, Content: not null } || await IsInactiveAsync(snapshot))
        {
            await DoneAsync();
            return;
        }

        try
        {
            var outcome = await synchronizer.SyncAsync(snapshot, job.SetTelegramAlbum, cancellationToken);
            Log.Synced(logger, JobId, snapshot.Revision, outcome);
            _failures = 0;
            await DoneAsync();
        }
        catch (TelegramRetryLaterException flood)
        {
            await RetryAsync(flood.RetryAt - clock.GetUtcNow(), flood.Message);
        }
        catch (Exception outage) when (TelegramFailures.IsOutage(outage))
        {
            await RetryAsync(outbox.Value.BackoffAfter(++_failures), outage.Message);
        }
        catch (TelegramUserBlockedException)
        {
            Log.UserBlocked(logger, JobId, snapshot.TelegramAlbum.ChatId);
            if (snapshot.Request.UserId is { } userId)
            {
                await GrainFactory.GetGrain<IUserGrain>(userId).SetInactive(true);
            }

            await DoneAsync();
        }
    }

    private async Task<bool> IsInactiveAsync(CarouselJobSnapshot job) =>
        job.Request.UserId is { } userId && (await GrainFactory.GetGrain<IUserGrain>(userId).GetProfile()).Inactive;

    private async Task RetryAsync(TimeSpan delay, string reason)
    {
        var due = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        Log.RetryScheduled(logger, JobId, due, reason);
        if (!_reminderSet)
        {
            await this.RegisterOrUpdateReminder(ReminderName, outbox.Value.ReminderPeriod, outbox.Value.ReminderPeriod);
            _reminderSet = true;
        }

        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(
            async cancellationToken =>
            {
                _retry = null;
                await RunAsync(cancellationToken);
            },
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task DoneAsync()
    {
        if (_reminderSet && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderSet = false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Carousel {JobId}: Telegram album synced to revision {Revision}: {Outcome}")]
        public static partial void Synced(ILogger logger, string jobId, int revision, AlbumSyncOutcome outcome);

        [LoggerMessage(2, LogLevel.Information, "Carousel {JobId}: Telegram could not take the album update ({Reason}); trying again in {Delay}")]
        public static partial void RetryScheduled(ILogger logger, string jobId, TimeSpan delay, string reason);

        [LoggerMessage(3, LogLevel.Information, "Carousel {JobId}: the user blocked the bot (chat {ChatId}); the album is left as it is")]
        public static partial void UserBlocked(ILogger logger, string jobId, long chatId);
    }
}
