using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// /settings: one message whose keyboard walks through slide count, theme, size, carousel language and footer handle.
/// Choices are edits of that message; the footer handle is typed, so the session remembers it waits for one.
/// </summary>
internal sealed class SettingsFlow(ConversationReplies replies)
{
    private const int MaxFooterLength = 40;

    /// <summary>Sends the settings message with its keyboard.</summary>
    public Task ShowAsync(ConversationTurn turn, CancellationToken cancellationToken) =>
        replies.SendAsync(turn, turn.Texts.Settings(turn.Profile.Settings), BotKeyboards.Settings(turn.Texts, turn.Profile.Settings), cancellationToken);

    /// <summary>Handles a settings button (<c>s:…</c>) pressed under <paramref name="message"/>.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, Message message, string[] data, CancellationToken cancellationToken)
    {
        var settings = turn.Profile.Settings;
        var what = data.Length > 1 ? data[1] : "m";
        var value = data.Length > 2 ? data[2] : null;
        turn.Interaction = "settings." + what;

        UserSettings? changed = (what, value) switch
        {
            ("n", not null) when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => settings with { SlideCount = count },
            ("t", not null) => settings with { Theme = value },
            ("z", "s") => settings with { Size = SlideSize.Square },
            ("z", "p") => settings with { Size = SlideSize.Portrait },
            ("l", "ru" or "en" or "auto") => settings with { Language = value },
            ("f", "-") => settings with { FooterHandle = null },
            _ => null,
        };

        if (changed is not null)
        {
            await SaveAsync(turn, query, changed, cancellationToken);
            await ShowInPlaceAsync(turn, message, cancellationToken);
            return;
        }

        await replies.AnswerAsync(query, cancellationToken: cancellationToken);
        var texts = turn.Texts;
        switch (what)
        {
            case "n":
                await replies.EditAsync(turn, message.MessageId, texts.PickSlideCount, BotKeyboards.SlideCounts(texts, settings.SlideCount), cancellationToken);
                break;
            case "t":
                await replies.EditAsync(turn, message.MessageId, texts.PickTheme, BotKeyboards.Themes(texts, settings.Theme), cancellationToken);
                break;
            case "z":
                await replies.EditAsync(turn, message.MessageId, texts.PickSize, BotKeyboards.Sizes(texts, settings.Size), cancellationToken);
                break;
            case "l":
                await replies.EditAsync(turn, message.MessageId, texts.PickLanguage, BotKeyboards.CarouselLanguages(texts, settings.Language), cancellationToken);
                break;
            case "f":
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.FooterHandle };
                await replies.EditAsync(turn, message.MessageId, texts.AskFooter, BotKeyboards.Footer(texts, settings.FooterHandle is not null), cancellationToken);
                break;
            default:
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
                await ShowInPlaceAsync(turn, message, cancellationToken);
                break;
        }
    }

    /// <summary>Handles the text typed while the session waits for a footer handle.</summary>
    public async Task OnFooterTextAsync(ConversationTurn turn, string text, CancellationToken cancellationToken)
    {
        var handle = text.Trim();
        var texts = turn.Texts;
        if (handle == "-")
        {
            turn.Profile = turn.Profile with { Settings = await turn.User.UpdateSettings(turn.Profile.Settings with { FooterHandle = null }) };
            turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
            await replies.SendAsync(turn, texts.FooterRemoved, cancellationToken: cancellationToken);
            await ShowAsync(turn, cancellationToken);
            return;
        }

        if (handle.Length is 0 or > MaxFooterLength || handle.Any(char.IsControl))
        {
            await replies.SendAsync(turn, texts.FooterInvalid, cancellationToken: cancellationToken);
            return; // still waiting for a usable handle
        }

        turn.Profile = turn.Profile with { Settings = await turn.User.UpdateSettings(turn.Profile.Settings with { FooterHandle = handle }) };
        turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
        await replies.SendAsync(turn, texts.FooterSaved(handle), cancellationToken: cancellationToken);
        await ShowAsync(turn, cancellationToken);
    }

    private async Task SaveAsync(ConversationTurn turn, CallbackQuery query, UserSettings changed, CancellationToken cancellationToken)
    {
        try
        {
            turn.Profile = turn.Profile with { Settings = await turn.User.UpdateSettings(changed) };
            turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
            await replies.AnswerAsync(query, turn.Texts.Saved, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            // A button from an older keyboard (say, a theme that no longer exists): say why and show what is valid.
            await replies.AnswerAsync(query, invalid.Message, cancellationToken);
        }
    }

    private Task ShowInPlaceAsync(ConversationTurn turn, Message message, CancellationToken cancellationToken) =>
        replies.EditAsync(turn, message.MessageId, turn.Texts.Settings(turn.Profile.Settings), BotKeyboards.Settings(turn.Texts, turn.Profile.Settings), cancellationToken);
}
