using System.Globalization;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Carousels.EditLinks;
using VibeCoder.Grains.Telegram.Texts;
using VibeCoder.Grains.Users;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// /web: a signed, expiring link to edit the user's newest finished carousel on the preview page, or with a number
/// (<c>/web 2</c>) the carousel of that line of /history. The link is bound to the carousel and the user, and is only
/// given for the user's own carousels (their history holds nothing else).
/// </summary>
internal sealed class WebLinkFlow(IGrainFactory grains, ConversationReplies replies, EditLinkSigner links, IOptions<TelegramBotOptions> options)
{
    /// <summary>Answers <c>/web [number]</c>.</summary>
    public async Task ShowAsync(ConversationTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var texts = WebLinkTexts.For(BotLanguage.Resolve(turn.Profile.Settings, turn.From.LanguageCode));
        var history = await turn.User.GetHistory(options.Value.HistoryPageSize);
        HistoryEntry? entry;
        if (arguments.Length == 0)
        {
            entry = history.FirstOrDefault(h => h.Status == JobStatus.Completed);
        }
        else if (int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= history.Count)
        {
            entry = history[number - 1];
        }
        else
        {
            await replies.SendAsync(turn, texts.NoSuchNumber(history.Count), cancellationToken: cancellationToken);
            return;
        }

        var job = entry is null ? null : await grains.GetGrain<ICarouselJobGrain>(entry.JobId).Get();
        if (job is null || job.Request.UserId != turn.UserId)
        {
            await replies.SendAsync(turn, texts.NoCarousel, cancellationToken: cancellationToken);
            return;
        }

        if (job.Status != JobStatus.Completed)
        {
            await replies.SendAsync(turn, texts.NotFinished, cancellationToken: cancellationToken);
            return;
        }

        var link = await links.IssueAsync(job.Id, turn.UserId, cancellationToken);
        var title = job.Content?.Title ?? job.Request.Topic;
        await replies.SendAsync(turn, texts.Link(title, link.Url, (int)links.Lifetime.TotalHours, link.ExpiresAt), cancellationToken: cancellationToken);
    }
}
