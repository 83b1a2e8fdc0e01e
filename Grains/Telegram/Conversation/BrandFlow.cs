using System.Globalization;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Sessions;
using VibeCoder.Grains.Users;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Themes;
using Orleans;

namespace VibeCoder.Grains.Telegram.Conversation;

/// <summary>
/// /brand: one menu message whose keyboard edits the user's brand kit — colours (presets or a typed #RRGGBB), fonts
/// from the renderer's curated list, name, handle, logo (a photo or an image file) and four switches. After every
/// change the kit is saved in the user grain and a preview cover drawn with it is sent. Bad input changes nothing and
/// gets a friendly reply; the session keeps waiting for a usable answer until /cancel.
/// </summary>
internal sealed partial class BrandFlow(BotReplies replies, IGrainFactory grains, CarouselImages images, ILogger<BrandFlow> logger)
{
    /// <summary>Telegram lets bots download files up to 20 MB; its file_size says so before any download.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    /// <summary>Sends the menu.</summary>
    public async Task ShowAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        var kit = await turn.User.GetBrandKit();
        await replies.SendAsync(turn.ChatId, turn.Texts.Brand.Menu(kit), BrandKeyboards.Menu(turn.Texts.Brand, kit), cancellationToken);
    }

    /// <summary>True when the session waits for something the brand flow asked for.</summary>
    public static bool IsAwaiting(SessionAwaiting awaiting) => awaiting is SessionAwaiting.BrandPrimaryColor or SessionAwaiting.BrandAccentColor
        or SessionAwaiting.BrandBackgroundColor or SessionAwaiting.BrandName or SessionAwaiting.BrandHandle or SessionAwaiting.BrandLogo;

    /// <summary>Handles a brand button (<c>b:…</c>) pressed under <paramref name="message"/>.</summary>
    public async Task OnButtonAsync(ConversationTurn turn, CallbackQuery query, Message message, string[] data, CancellationToken cancellationToken)
    {
        var kit = await turn.User.GetBrandKit();
        var what = data.Length > 1 ? data[1] : "m";
        var slot = data.Length > 2 && data[2].Length == 1 ? data[2][0] : ' ';
        var value = data.Length > 3 ? data[3] : null;
        turn.Interaction = "brand." + what;
        var texts = turn.Texts;

        BrandKit? changed = (what, slot, value) switch
        {
            ("c", 'p' or 'a' or 'g', "-") => WithColour(kit, slot, null),
            ("c", 'p' or 'a' or 'g', not null) when ParseHex(value) is { } hex => WithColour(kit, slot, hex),
            ("f", 'h', not null) => kit with { HeadingFont = value == "-" ? null : value },
            ("f", 'b', not null) => kit with { BodyFont = value == "-" ? null : value },
            ("t", 'n', _) => kit with { ShowName = !kit.ShowName },
            ("t", 'h', _) => kit with { ShowHandle = !kit.ShowHandle },
            ("t", 'l', _) => kit with { ShowLogo = !kit.ShowLogo },
            ("t", 'p', _) => kit with { ShowPageNumbers = !kit.ShowPageNumbers },
            ("l", '-', _) => kit with { LogoHash = null },
            _ => null,
        };

        if (changed is not null)
        {
            turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
            if (await TrySaveAsync(turn, changed, query, cancellationToken) is { } saved)
            {
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.Menu(saved), BrandKeyboards.Menu(texts.Brand, saved), cancellationToken);
                await SendPreviewAsync(turn, saved, cancellationToken);
            }

            return;
        }

        await replies.AnswerAsync(query, cancellationToken: cancellationToken);
        switch (what, slot)
        {
            case ("c", 'p' or 'a' or 'g'):
                turn.Session = turn.Session with { Awaiting = ColourAwaiting(slot) };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.AskColour(slot), BrandKeyboards.Colours(texts, slot, ColourOf(kit, slot)), cancellationToken);
                break;
            case ("f", 'h' or 'b'):
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.PickFont(slot), BrandKeyboards.Fonts(texts, slot, slot == 'h' ? kit.HeadingFont : kit.BodyFont), cancellationToken);
                break;
            case ("n", _):
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.BrandName };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.AskName, BrandKeyboards.BackOnly(texts), cancellationToken);
                break;
            case ("h", _):
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.BrandHandle };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.AskHandle, BrandKeyboards.BackOnly(texts), cancellationToken);
                break;
            case ("l", _):
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.BrandLogo };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.AskLogo, BrandKeyboards.Logo(texts, kit.LogoHash is not null), cancellationToken);
                break;
            default:
                turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
                await replies.EditAsync(turn.ChatId, message.MessageId, texts.Brand.Menu(kit), BrandKeyboards.Menu(texts.Brand, kit), cancellationToken);
                break;
        }
    }

    /// <summary>Handles text typed while the session waits for a colour, a name or a handle (or a logo).</summary>
    public async Task OnTextAsync(ConversationTurn turn, string text, CancellationToken cancellationToken)
    {
        var texts = turn.Texts.Brand;
        var kit = await turn.User.GetBrandKit();
        var typed = text.Trim();
        BrandKit? changed;
        switch (turn.Session.Awaiting)
        {
            case SessionAwaiting.BrandPrimaryColor or SessionAwaiting.BrandAccentColor or SessionAwaiting.BrandBackgroundColor:
                if (ParseHex(typed) is not { } hex)
                {
                    await replies.SendAsync(turn.ChatId, texts.ColourInvalid, cancellationToken: cancellationToken);
                    return; // still waiting for a usable colour
                }

                changed = WithColour(kit, SlotOf(turn.Session.Awaiting), hex);
                break;
            case SessionAwaiting.BrandName or SessionAwaiting.BrandHandle:
                if (typed != "-" && (typed.Length is 0 or > BrandKit.MaxDisplayNameLength || typed.Any(char.IsControl)))
                {
                    await replies.SendAsync(turn.ChatId, texts.TextInvalid, cancellationToken: cancellationToken);
                    return;
                }

                var value = typed == "-" ? null : typed;
                changed = turn.Session.Awaiting == SessionAwaiting.BrandName ? kit with { DisplayName = value } : kit with { Handle = value };
                break;
            default:
                await replies.SendAsync(turn.ChatId, texts.LogoExpected, cancellationToken: cancellationToken);
                return;
        }

        turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
        if (await TrySaveAsync(turn, changed, query: null, cancellationToken) is { } saved)
        {
            await replies.SendAsync(turn.ChatId, texts.Menu(saved), BrandKeyboards.Menu(texts, saved), cancellationToken);
            await SendPreviewAsync(turn, saved, cancellationToken);
        }
    }

    /// <summary>
    /// Handles a photo, document or anything else sent while the session waits for a logo. Checks run from the
    /// cheapest on: what the message says (SVG, over 20 MB), then the image header, and only then the pixels.
    /// </summary>
    public async Task OnLogoMessageAsync(ConversationTurn turn, Message message, CancellationToken cancellationToken)
    {
        var texts = turn.Texts.Brand;
        (string? fileId, long? size, string? name, string? mime) = message switch
        {
            { Photo: { Length: > 0 } sizes } => (sizes[^1].FileId, sizes[^1].FileSize, null, "image/jpeg"),
            { Document: { } document } => (document.FileId, document.FileSize, document.FileName, document.MimeType),
            _ => ((string?)null, (long?)null, (string?)null, (string?)null),
        };

        if (fileId is null)
        {
            await replies.SendAsync(turn.ChatId, texts.LogoExpected, cancellationToken: cancellationToken);
            return;
        }

        if (mime == "image/svg+xml" || name?.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) == true)
        {
            await replies.SendAsync(turn.ChatId, texts.LogoSvg, cancellationToken: cancellationToken);
            return;
        }

        if (size > MaxDownloadBytes)
        {
            await replies.SendAsync(turn.ChatId, texts.LogoTooBig((int)(MaxDownloadBytes / (1024 * 1024))), cancellationToken: cancellationToken);
            return;
        }

        await replies.ChatActionAsync(turn.ChatId, ChatAction.UploadPhoto, cancellationToken);
        var file = await replies.Bot.GetFile(fileId, cancellationToken);
        if (file.FileSize > MaxDownloadBytes || file.FilePath is null)
        {
            await replies.SendAsync(turn.ChatId, texts.LogoTooBig((int)(MaxDownloadBytes / (1024 * 1024))), cancellationToken: cancellationToken);
            return;
        }

        using var downloaded = new MemoryStream();
        await replies.Bot.DownloadFile(file.FilePath, downloaded, cancellationToken);
        var logo = LogoImages.Prepare(downloaded.ToArray());
        Log.LogoChecked(logger, turn.ChatId, downloaded.Length, logo.SourceWidth, logo.SourceHeight, logo.Refusal);
        var refusal = logo.Refusal switch
        {
            LogoRefusal.None => null,
            LogoRefusal.Svg => texts.LogoSvg,
            LogoRefusal.TooLarge => texts.LogoTooManyPixels(logo.SourceWidth, logo.SourceHeight, LogoImages.MaxSourceSide),
            _ => texts.LogoNotAnImage,
        };
        if (refusal is not null)
        {
            await replies.SendAsync(turn.ChatId, refusal, cancellationToken: cancellationToken);
            return; // still waiting for a usable logo
        }

        await grains.GetGrain<IBrandImageGrain>(logo.Hash).Store(logo.Png);
        var kit = await turn.User.GetBrandKit();
        turn.Session = turn.Session with { Awaiting = SessionAwaiting.None };
        if (await TrySaveAsync(turn, kit with { LogoHash = logo.Hash, ShowLogo = true }, query: null, cancellationToken) is { } saved)
        {
            await replies.SendAsync(turn.ChatId, texts.LogoSaved, cancellationToken: cancellationToken);
            await replies.SendAsync(turn.ChatId, texts.Menu(saved), BrandKeyboards.Menu(texts, saved), cancellationToken);
            await SendPreviewAsync(turn, saved, cancellationToken);
        }
    }

    /// <summary>"#RRGGBB" or "RRGGBB" (any case) as "#rrggbb"; null for anything else.</summary>
    public static string? ParseHex(string text)
    {
        var digits = text.StartsWith('#') ? text[1..] : text;
        return digits.Length == 6 && digits.All(char.IsAsciiHexDigit) ? "#" + digits.ToLowerInvariant() : null;
    }

    private async Task<BrandKit?> TrySaveAsync(ConversationTurn turn, BrandKit changed, CallbackQuery? query, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await turn.User.UpdateBrandKit(changed);
            if (query is not null)
            {
                await replies.AnswerAsync(query, turn.Texts.Brand.Saved, cancellationToken);
            }

            return saved;
        }
        catch (ArgumentException invalid)
        {
            // A button of an older keyboard (a font no longer offered) or a crafted press: say why, change nothing.
            if (query is not null)
            {
                await replies.AnswerAsync(query, invalid.Message, cancellationToken);
            }
            else
            {
                await replies.SendAsync(turn.ChatId, invalid.Message, cancellationToken: cancellationToken);
            }

            return null;
        }
    }

    // One cover in the user's theme and size, drawn with the kit: what the next carousel will look like.
    private async Task SendPreviewAsync(ConversationTurn turn, BrandKit kit, CancellationToken cancellationToken)
    {
        var settings = turn.Profile.Settings;
        var texts = turn.Texts.Brand;
        var design = new RenderOptions(settings.Theme, settings.Size, settings.FooterHandle, settings.Brand, kit);
        var png = await images.RenderPreviewAsync(new SlideContent(SlideKind.Cover, texts.PreviewHeading, texts.PreviewBody), 1, 5, design);
        await replies.Bot.SendPhoto(
            turn.ChatId, InputFile.FromStream(new MemoryStream(png, writable: false), "brand-preview.png"), caption: texts.PreviewCaption,
            cancellationToken: cancellationToken);
    }

    private static BrandKit WithColour(BrandKit kit, char slot, string? hex) => slot switch
    {
        'p' => kit with { PrimaryColor = hex },
        'a' => kit with { AccentColor = hex },
        _ => kit with { BackgroundColor = hex },
    };

    private static string? ColourOf(BrandKit kit, char slot) => slot switch
    {
        'p' => kit.PrimaryColor,
        'a' => kit.AccentColor,
        _ => kit.BackgroundColor,
    };

    private static SessionAwaiting ColourAwaiting(char slot) => slot switch
    {
        'p' => SessionAwaiting.BrandPrimaryColor,
        'a' => SessionAwaiting.BrandAccentColor,
        _ => SessionAwaiting.BrandBackgroundColor,
    };

    private static char SlotOf(SessionAwaiting awaiting) => awaiting switch
    {
        SessionAwaiting.BrandPrimaryColor => 'p',
        SessionAwaiting.BrandAccentColor => 'a',
        _ => 'g',
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Chat {ChatId}: logo upload of {Bytes} bytes, {Width}×{Height}: {Refusal}")]
        public static partial void LogoChecked(ILogger logger, long chatId, long bytes, int width, int height, LogoRefusal refusal);
    }
}
