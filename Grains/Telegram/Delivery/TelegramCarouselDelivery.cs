using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Outbox;
using VibeCoder.Grains.Telegram.Outbox;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using Orleans;

namespace VibeCoder.Grains.Telegram.Delivery;

/// <summary>
/// Delivers carousels requested from Telegram: edits the job's status message as the workflow advances (writing →
/// drawing 3/7 → sending) with the matching chat action, sends the result, and reports failures. A user who blocked
/// the bot is marked inactive and nothing more is sent to them; the delivery then counts as done, since retrying
/// cannot reach them. A 429 becomes <see cref="DeliveryDeferredException"/>: the workflow retries the step after
/// Telegram's retry_after, and the parts recorded in the workflow's state make the retry send only what had not arrived.
/// Telegram being down or unreachable after the client's own attempts is a deferral too, with the outbox's backoff
/// (<see cref="ChatOutboxOptions.BackoffAfter"/>): the job waits for Telegram instead of failing.
/// </summary>
internal sealed partial class TelegramCarouselDelivery(
    IGrainFactory grains,
    BotReplies replies,
    CarouselResultSender sender,
    DeliveryLedger ledger,
    RenderProgressWatcher progress,
    IOptions<ChatOutboxOptions> outbox,
    TimeProvider clock,
    ILogger<TelegramCarouselDelivery> logger) : ICarouselDelivery
{
    private const string StatusDonePart = "status:done";

    public async Task ReportProgressAsync(CarouselJobSnapshot job, CancellationToken cancellationToken)
    {
        if (job.Request.Delivery is not { } target || !await IsReachableAsync(job))
        {
            return;
        }

        var texts = BotTexts.For(target.Language);
        var topic = job.Request.Topic;
        var (text, action) = job.Status switch
        {
            JobStatus.Generating when job.Notice is not null => (texts.StatusDelayed(topic), ChatAction.Typing),
            JobStatus.Generating => (texts.StatusWriting(topic), ChatAction.Typing),
            JobStatus.Rendering => (texts.StatusRendering(topic, job.RenderedSlides, job.Request.SlideCount), ChatAction.UploadPhoto),
            JobStatus.Delivering => (texts.StatusSending(topic), ChatAction.UploadPhoto),
            _ => ((string?)null, ChatAction.Typing),
        };
        if (text is null || !ledger.TryShowStatus(job.Id, text))
        {
            return;
        }

        await GuardAsync(job, async () =>
        {
            await replies.ChatActionAsync(target.ChatId, action, cancellationToken);
            if (target.StatusMessageId is { } statusId)
            {
                await replies.EditAsync(target.ChatId, statusId, text, cancellationToken: cancellationToken);
                if (job.Status == JobStatus.Rendering)
                {
                    progress.Start(job, target.ChatId, statusId, texts);
                }
            }
        });
    }

    public async Task DeliverAsync(CarouselJobSnapshot job, IReadOnlyList<byte[]> slides, DeliveredParts sent, CancellationToken cancellationToken)
    {
        progress.Stop(job.Id);
        if (job.Request.Delivery is not { } target || !await IsReachableAsync(job))
        {
            return;
        }

        var texts = BotTexts.For(target.Language);
        var delivered = await GuardAsync(job, async () =>
        {
            await replies.ChatActionAsync(target.ChatId, ChatAction.UploadPhoto, cancellationToken);
            await sender.SendAsync(target.ChatId, job, slides, texts, sent, cancellationToken);
            if (target.StatusMessageId is { } statusId && !sent.Contains(StatusDonePart))
            {
                await replies.EditAsync(target.ChatId, statusId, texts.StatusDone(job.Content?.Title ?? job.Request.Topic), cancellationToken: cancellationToken);
                await sent.AddAsync(StatusDonePart);
            }
        });
        ledger.Complete(job.Id);
        if (delivered)
        {
            Log.Delivered(logger, job.Id, target.ChatId, slides.Count);
        }
    }

    public async Task ReportFailureAsync(CarouselJobSnapshot job, CancellationToken cancellationToken)
    {
        progress.Stop(job.Id);
        ledger.Complete(job.Id);
        if (job.Request.Delivery is not { } target || !await IsReachableAsync(job))
        {
            return;
        }

        var texts = BotTexts.For(target.Language);
        var text = job.Status == JobStatus.Cancelled ? texts.StatusCancelled : texts.StatusFailed(job.Error);
        try
        {
            await GuardAsync(job, async () =>
            {
                if (target.StatusMessageId is { } statusId)
                {
                    await replies.EditAsync(target.ChatId, statusId, text, cancellationToken: cancellationToken);
                }
                else
                {
                    await replies.SendAsync(target.ChatId, text, cancellationToken: cancellationToken);
                }
            });
        }
        catch (DeliveryDeferredException deferred)
        {
            // The job is over, so no step will try again: the chat's outbox keeps the notice until Telegram takes it,
            // keyed by job so a repeated report queues it once.
            var notice = new OutgoingMessage(
                $"job:{job.Id}:final", job.Request.UserId ?? target.ChatId.ToString(CultureInfo.InvariantCulture), text, null, target.StatusMessageId);
            await grains.GetGrain<IChatOutboxGrain>(target.ChatId).Enqueue([notice], deferred.RetryAt);
            Log.FinalNoticeQueued(logger, job.Id, target.ChatId);
        }
    }

    private async Task<bool> IsReachableAsync(CarouselJobSnapshot job) =>
        job.Request.UserId is not { } userId || !(await grains.GetGrain<IUserGrain>(userId).GetProfile()).Inactive;

    // A block is final for this job: remember it on the user and stop. Flood control becomes a deferral the workflow
    // waits out before its next attempt; any other failure goes back to the workflow as it is.
    private async Task<bool> GuardAsync(CarouselJobSnapshot job, Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (TelegramRetryLaterException flood)
        {
            Log.Deferred(logger, job.Id, flood.ChatId, flood.RetryAt);
            throw new DeliveryDeferredException(flood.RetryAt, flood.Message, flood);
        }
        catch (Exception outage) when (TelegramFailures.IsOutage(outage))
        {
            // Telegram is down or unreachable beyond the client's own attempts: not the job's fault. The workflow waits
            // (within its delivery deadline) and tries the step again; the parts already sent are not sent twice.
            var retryAt = clock.GetUtcNow() + outbox.Value.BackoffAfter(ledger.CountOutage(job.Id));
            Log.WaitingForTelegram(logger, job.Id, retryAt, outage.Message);
            throw new DeliveryDeferredException(retryAt, outage.Message, outage);
        }
        catch (TelegramUserBlockedException blocked)
        {
            progress.Stop(job.Id);
            ledger.Complete(job.Id);
            Log.UserBlockedBot(logger, job.Id, blocked.ChatId);
            if (job.Request.UserId is { } userId)
            {
                await grains.GetGrain<IUserGrain>(userId).SetInactive(true);
            }

            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Delivered carousel {JobId} to chat {ChatId}: {Slides} slides")]
        public static partial void Delivered(ILogger logger, string jobId, long chatId, int slides);

        [LoggerMessage(2, LogLevel.Information, "Carousel {JobId}: the user blocked the bot (chat {ChatId}); marked inactive, nothing more is sent")]
        public static partial void UserBlockedBot(ILogger logger, string jobId, long? chatId);

        [LoggerMessage(3, LogLevel.Information, "Carousel {JobId}: Telegram's flood control holds chat {ChatId} until {RetryAt}; the workflow retries then")]
        public static partial void Deferred(ILogger logger, string jobId, long? chatId, DateTimeOffset retryAt);

        [LoggerMessage(5, LogLevel.Information, "Carousel {JobId}: Telegram is unreachable; the final notice waits in chat {ChatId}'s outbox")]
        public static partial void FinalNoticeQueued(ILogger logger, string jobId, long chatId);

        [LoggerMessage(4, LogLevel.Warning, "Carousel {JobId}: Telegram is unreachable ({Reason}); the workflow tries the delivery again at {RetryAt}")]
        public static partial void WaitingForTelegram(ILogger logger, string jobId, DateTimeOffset retryAt, string reason);
    }
}
