using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Grains.Telegram.Diagnostics;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// The bot's side of the conversation: reads one update and answers it — commands, topics, settings, history, result
/// buttons, and a helpful word for anything else. Called by the chat's session grain, one update at a time; it keeps no
/// state of its own (the session and the user grain hold it).
/// </summary>
/// <remarks>
/// Failures: a user who blocked the bot is marked inactive and the update counts as handled. Telegram being down or
/// holding the chat never reaches here: <see cref="ConversationReplies"/> queues those replies in the chat's outbox.
/// A silo lost mid-call is rethrown, so the stream delivers the update again later. Anything else is a bug: it is
/// logged, the user gets an apology, and the update counts as handled so one bad update cannot block the chat.
/// </remarks>
internal sealed partial class TelegramConversation(
    IGrainFactory grains,
    ConversationReplies replies,
    CarouselStarter starter,
    SettingsFlow settings,
    BrandFlow brand,
    PhotoFlow photos,
    HistoryFlow history,
    WebLinkFlow web,
    ResultActions results,
    SlideEditFlow edits,
    BotStatistics statistics,
    IPipelineMonitor monitor,
    IOptions<TelegramBotOptions> options,
    IOptions<CarouselOptions> carouselOptions,
    ILogger<TelegramConversation> logger)
{
    /// <summary>Handles <paramref name="update"/> of chat <paramref name="chatId"/> given its session.</summary>
    public async Task<ConversationOutcome> HandleAsync(Update update, long chatId, SessionState session, CancellationToken cancellationToken)
    {
        var from = update.Message?.From ?? update.CallbackQuery?.From ?? update.MyChatMember?.From ?? update.EditedMessage?.From;
        if (from is null || from.IsBot)
        {
            // Channel posts and service messages carry no person to answer.
            statistics.UpdateHandled("other");
            return new ConversationOutcome(session, "other", null, null, null, null);
        }

        var user = grains.GetGrain<IUserGrain>(from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var turn = new ConversationTurn(chatId, update.Id, from, user, await user.GetProfile(), session);
        try
        {
            await DispatchAsync(turn, update, cancellationToken);
        }
        catch (TelegramUserBlockedException)
        {
            Log.UserBlockedBot(logger, chatId, turn.UserId);
            await user.SetInactive(true);
        }
        catch (Exception exception) when (!IsTransient(exception) && exception is not OperationCanceledException)
        {
            Log.UpdateFailed(logger, update.Id, chatId, exception);
            await ApologizeAsync(turn, cancellationToken);
        }

        statistics.UpdateHandled(turn.Kind);
        if (turn.Command is { } command)
        {
            statistics.CommandExecuted(command);
        }

        return new ConversationOutcome(turn.Session, turn.Kind, turn.UserId, turn.Command, turn.Interaction, update.Message?.Text ?? update.Message?.Caption);
    }

    private async Task DispatchAsync(ConversationTurn turn, Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            // Writing again after blocking the bot makes the user active again (Touch clears the flag).
            turn.Profile = await turn.User.Touch(new TelegramIdentity(turn.From.FirstName, turn.From.LastName, turn.From.Username, turn.From.LanguageCode));
            await OnMessageAsync(turn, message, cancellationToken);
        }
        else if (update.CallbackQuery is { } query)
        {
            turn.Kind = "callback";
            await OnButtonAsync(turn, query, cancellationToken);
        }
        else if (update.MyChatMember is { } member)
        {
            turn.Kind = "member";
            var status = member.NewChatMember?.Status;
            turn.Interaction = "membership." + (status?.ToString().ToLowerInvariant() ?? "unknown");
            await turn.User.SetInactive(status is ChatMemberStatus.Kicked or ChatMemberStatus.Left);
        }
        else
        {
            // Edits of old messages are not new requests; answering each would be noise.
            turn.Kind = update.EditedMessage is not null ? "edited" : "other";
        }
    }

    private async Task OnMessageAsync(ConversationTurn turn, Message message, CancellationToken cancellationToken)
    {
        if (message.Text is { } text)
        {
            if (BotCommandText.TryParse(text, out var command))
            {
                turn.Kind = "command";
                await OnCommandAsync(turn, command, cancellationToken);
                return;
            }

            turn.Kind = "message";
            if (turn.Session.Awaiting == SessionAwaiting.FooterHandle)
            {
                await settings.OnFooterTextAsync(turn, text, cancellationToken);
                return;
            }

            if (BrandFlow.IsAwaiting(turn.Session.Awaiting))
            {
                await brand.OnTextAsync(turn, text, cancellationToken);
                return;
            }

            if (turn.Session.Awaiting == SessionAwaiting.SlideText)
            {
                await edits.OnTextAsync(turn, text, cancellationToken);
                return;
            }

            await starter.StartFromTopicAsync(turn, text, cancellationToken);
            return;
        }

        if (turn.Session.Awaiting == SessionAwaiting.BrandLogo)
        {
            turn.Kind = message.Photo is { Length: > 0 } ? "photo" : message.Document is not null ? "document" : "unsupported";
            await brand.OnLogoMessageAsync(turn, message, cancellationToken);
            return;
        }

        if (PhotoFlow.IsImageMessage(message))
        {
            // A picture outside the logo question is a background for the next carousel (or this one: the caption).
            turn.Kind = message.Photo is { Length: > 0 } ? "photo" : "document";
            await photos.OnPhotoMessageAsync(turn, message, cancellationToken);
            return;
        }

        var texts = turn.Texts;
        (turn.Kind, var reply) = message switch
        {
            { Sticker: { } sticker } => ("sticker", texts.Sticker(sticker.Emoji)),
            { Photo.Length: > 0 } => ("photo", texts.Photo),
            _ => ("unsupported", texts.Unsupported),
        };
        await replies.SendAsync(turn, reply, cancellationToken: cancellationToken);
    }

    private async Task OnCommandAsync(ConversationTurn turn, BotCommandText command, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var wasAwaiting = turn.Session.Awaiting != SessionAwaiting.None;

        // A command answers whatever was asked before: the footer question is dropped.
        turn.Session = turn.Session with { Awaiting = SessionAwaiting.None, EditingSlide = null };
        turn.Command = command.Name;
        switch (command.Name)
        {
            case "start":
                var profile = turn.Profile;
                await replies.SendAsync(turn, texts.Welcome(turn.From.FirstName, profile.Settings.SlideCount), cancellationToken: cancellationToken);
                await settings.ShowAsync(turn, cancellationToken);
                break;
            case "help":
                await replies.SendAsync(turn, texts.Help(carouselOptions.Value.QuotaPerHour), cancellationToken: cancellationToken);
                break;
            case "carousel":
                if (command.Arguments.Length == 0)
                {
                    await replies.SendAsync(turn, texts.AskTopic, cancellationToken: cancellationToken);
                }
                else
                {
                    await starter.StartFromTopicAsync(turn, command.Arguments, cancellationToken);
                }

                break;
            case "settings":
                await settings.ShowAsync(turn, cancellationToken);
                break;
            case "brand":
                await brand.ShowAsync(turn, cancellationToken);
                break;
            case "history":
                await history.ShowAsync(turn, cancellationToken);
                break;
            case "web":
                await web.ShowAsync(turn, command.Arguments, cancellationToken);
                break;
            case "cancel":
                await CancelAsync(turn, wasAwaiting, cancellationToken);
                break;
            case "stats" when options.Value.AdminUserIds.Contains(turn.From.Id):
                await SendStatsAsync(turn, cancellationToken);
                break;
            case "stats":
                await replies.SendAsync(turn, texts.AdminOnly, cancellationToken: cancellationToken);
                break;
            default:
                turn.Command = "unknown";
                await replies.SendAsync(turn, texts.UnknownCommand(command.Text), cancellationToken: cancellationToken);
                break;
        }
    }

    private async Task CancelAsync(ConversationTurn turn, bool wasAwaiting, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        if (wasAwaiting)
        {
            await replies.SendAsync(turn, texts.InputCancelled, cancellationToken: cancellationToken);
            return;
        }

        if (turn.Session.ActiveJobId is { } jobId
            && await grains.GetGrain<ICarouselJobGrain>(jobId).Get() is { IsFinal: false }
            && await grains.GetGrain<IWorkflowGrain>(jobId).Cancel())
        {
            // The workflow's failure report edits the status message to "cancelled" when it has stopped.
            await replies.SendAsync(turn, texts.Cancelling, cancellationToken: cancellationToken);
            return;
        }

        if (turn.Session.PendingBackground is not null)
        {
            // Nothing running: what /cancel can still undo is the photo waiting for the next carousel.
            turn.Session = turn.Session with { PendingBackground = null };
            await replies.SendAsync(turn, PhotoTexts.For(texts.Language).Removed, cancellationToken: cancellationToken);
            return;
        }

        await replies.SendAsync(turn, texts.NothingToCancel, cancellationToken: cancellationToken);
    }

    private Task SendStatsAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var pipeline = monitor.Snapshot();
        var text = turn.Texts.Stats(
            statistics.Snapshot(),
            pipeline.JobsByStatus.GetValueOrDefault(JobStatus.Completed),
            pipeline.JobsByStatus.GetValueOrDefault(JobStatus.Failed),
            pipeline.InFlight);
        return replies.SendAsync(turn, text, cancellationToken: cancellationToken);
    }

    private async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, CancellationToken cancellationToken)
    {
        var data = CallbackData.Parse(query.Data);
        var message = query.Message;
        switch (data.FirstOrDefault())
        {
            case "s" when message is not null:
                await settings.OnButtonAsync(turn, query, message, data, cancellationToken);
                break;
            case "j" when data.Length >= 3:
                await results.OnButtonAsync(turn, query, data, cancellationToken);
                break;
            case "h":
                await history.OnButtonAsync(turn, query, message, data, cancellationToken);
                break;
            case "b" when message is not null:
                await brand.OnButtonAsync(turn, query, message, data, cancellationToken);
                break;
            case PhotoKeyboards.Verb when message is not null:
                await photos.OnButtonAsync(turn, query, message, data, cancellationToken);
                break;
            case "e":
                await edits.OnButtonAsync(turn, query, message, data, cancellationToken);
                break;
            default:
                // A button of an older bot version, or a message too old to edit: answer so the spinner stops.
                turn.Interaction = "unknown";
                await replies.AnswerAsync(query, turn.Texts.NotFound, cancellationToken);
                break;
        }
    }

    private async Task ApologizeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await replies.SendAsync(turn, turn.Texts.SomethingWentWrong, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ApologyFailed(logger, turn.ChatId, exception.Message);
        }
    }

    // A grain call timing out, or a Telegram failure from a call outside ConversationReplies: worth handling the
    // update again later, which the stream's redelivery does.
    private static bool IsTransient(Exception exception) => exception switch
    {
        HttpRequestException or TimeoutException => true,

        // A silo died or is leaving and the cluster has not caught up yet: the stream delivers the update again shortly.
        OrleansMessageRejectionException or SiloUnavailableException => true,
        ApiRequestException api => api.ErrorCode is 429 or >= 500,
        RequestException other => other.HttpStatusCode is null || (int)other.HttpStatusCode >= 500,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Chat {ChatId}: user {UserId} blocked the bot; marked inactive")]
        public static partial void UserBlockedBot(ILogger logger, long chatId, string userId);

        [LoggerMessage(2, LogLevel.Error, "Update {UpdateId} of chat {ChatId} failed; the user was told to try again")]
        public static partial void UpdateFailed(ILogger logger, long updateId, long chatId, Exception exception);

        [LoggerMessage(3, LogLevel.Debug, "Could not apologise to chat {ChatId}: {Reason}")]
        public static partial void ApologyFailed(ILogger logger, long chatId, string reason);
    }
}
