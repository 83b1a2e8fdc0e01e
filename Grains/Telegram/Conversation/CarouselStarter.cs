using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Diagnostics;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// Starts a carousel for a chat: validates the topic, keeps one carousel per chat at a time, charges the hourly quota,
/// sends the status message the workflow will keep editing, and starts the workflow. Safe to run twice for the same
/// update: the job id comes from the update, so a repeat finds the job already started and does nothing.
/// </summary>
internal sealed partial class CarouselStarter(
    IGrainFactory grains,
    ConversationReplies replies,
    BotStatistics statistics,
    IOptions<CarouselOptions> carouselOptions,
    TimeProvider clock,
    ILogger<CarouselStarter> logger)
{
    /// <summary>Starts a carousel on <paramref name="rawTopic"/> with the user's current settings.</summary>
    public Task StartFromTopicAsync(ConversationTurn turn, string rawTopic, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        if (!TopicText.TryNormalize(rawTopic, out var topic, out var problem))
        {
            var reply = problem.Contains("too long", StringComparison.Ordinal) ? texts.TopicTooLong(TopicText.MaxLength)
                : problem.Contains("too short", StringComparison.Ordinal) ? texts.TopicTooShort(TopicText.MinLength)
                : texts.TopicEmpty;
            return replies.SendAsync(turn, reply, cancellationToken: cancellationToken);
        }

        var settings = turn.Profile.Settings;
        // A photo the user sent for this carousel (the session keeps it until a carousel starts with it).
        var design = new RenderOptions(settings.Theme, settings.Size, settings.FooterHandle, settings.Brand, Background: turn.Session.PendingBackground);
        return StartAsync(turn, topic, settings.SlideCount, settings.Language, design, cancellationToken);
    }

    /// <summary>Starts a new carousel like <paramref name="template"/> (same topic and design unless <paramref name="theme"/> is given).</summary>
    public Task StartLikeAsync(ConversationTurn turn, CarouselRequest template, string? theme, CancellationToken cancellationToken)
    {
        var design = theme is null ? template.Design : template.Design with { Theme = theme };
        return StartAsync(turn, template.Topic, template.SlideCount, template.Language, design, cancellationToken);
    }

    private async Task StartAsync(
        ConversationTurn turn, string topic, int slideCount, string language, RenderOptions design, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var jobId = JobIds.ForUpdate(turn.ChatId, turn.UpdateId);
        if (await grains.GetGrain<ICarouselJobGrain>(jobId).Get() is { } started)
        {
            if (!started.IsFinal)
            {
                // The start's answer may have been lost with a silo: starting again is idempotent and revives it.
                await grains.GetGrain<IWorkflowGrain>(jobId).Start(started.Request);
            }

            // This update was handled before a crash: its carousel runs already.
            turn.Session = Started(turn.Session, jobId, started.Request.Design);
            return;
        }

        if (turn.Session.ActiveJobId is { } activeId && await grains.GetGrain<ICarouselJobGrain>(activeId).Get() is { IsFinal: false })
        {
            await replies.SendAsync(turn, texts.Busy, cancellationToken: cancellationToken);
            return;
        }

        var quota = await turn.User.TryReserveQuota(jobId);
        if (!quota.Allowed)
        {
            statistics.QuotaRejected();
            var reply = quota.NextAllowedAt is { } next
                ? texts.QuotaReached(carouselOptions.Value.QuotaPerHour, next - clock.GetUtcNow(), next)
                : texts.UserBlocked;
            await replies.SendAsync(turn, reply, cancellationToken: cancellationToken);
            return;
        }

        // Queued when Telegram cannot take it now: the job then runs without a status message to edit (progress is not
        // shown, the result still arrives), and the queued one is left out if the job has moved on by the time it could go.
        var status = await replies.SendAsync(turn, texts.StatusAccepted(topic), cancellationToken: cancellationToken, statusOfJobId: jobId);
        var request = new CarouselRequest(
            topic, slideCount, language, design, turn.UserId, new DeliveryTarget(turn.ChatId, (int?)status?.MessageId, texts.Language));
        try
        {
            await grains.GetGrain<IWorkflowGrain>(jobId).Start(request);
        }
        catch (CarouselOverloadedException overloaded)
        {
            // Shed: nothing was stored for the job, so the update is done with and the user is told to ask again later;
            // redelivering it instead would only hammer the silo that is already full.
            Log.StartShed(logger, jobId, turn.ChatId, overloaded.RetryAfter.TotalSeconds);
            await turn.User.RefundQuota(jobId);
            await ReplaceStatusAsync(turn, status, texts.Overloaded, cancellationToken);
            return;
        }
        catch (Exception exception) when (exception is not TelegramUserBlockedException and not OrleansMessageRejectionException and not TimeoutException)
        {
            // A silo lost mid-call (rejection, timeout) is rethrown instead: the update is delivered again and the
            // start above, being idempotent, finds or revives the workflow.
            Log.StartFailed(logger, jobId, turn.ChatId, exception);
            await turn.User.RefundQuota(jobId);
            await ReplaceStatusAsync(turn, status, texts.StartFailed, cancellationToken);
            return;
        }

        statistics.CarouselStarted();
        turn.Session = Started(turn.Session, jobId, design);
        await replies.ChatActionAsync(turn, ChatAction.Typing, cancellationToken);
    }

    // The pending photo is used up by the carousel drawn with it; a regenerated older carousel leaves it waiting.
    private static SessionState Started(SessionState session, string jobId, RenderOptions design) => session with
    {
        ActiveJobId = jobId,
        PendingBackground = design.Background is { } used && used == session.PendingBackground ? null : session.PendingBackground,
    };

    // The status message says what became of the topic; when it could not be sent (queued in the outbox) a new message does.
    private async Task ReplaceStatusAsync(ConversationTurn turn, Message? status, string text, CancellationToken cancellationToken)
    {
        if (status is null)
        {
            await replies.SendAsync(turn, text, cancellationToken: cancellationToken);
        }
        else
        {
            await replies.EditAsync(turn, status.MessageId, text, cancellationToken: cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Could not start carousel {JobId} for chat {ChatId}")]
        public static partial void StartFailed(ILogger logger, string jobId, long chatId, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "Carousel {JobId} for chat {ChatId} shed: too many in progress (retry after {RetryAfterSeconds:0} s)")]
        public static partial void StartShed(ILogger logger, string jobId, long chatId, double retryAfterSeconds);
    }
}
