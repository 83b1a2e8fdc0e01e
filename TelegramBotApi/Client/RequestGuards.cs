using System.Text.RegularExpressions;
using VibeCoder.Telegram.Limits;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>Client-side checks of Telegram's limits, so a request Telegram would reject is never sent.</summary>
internal static partial class RequestGuards
{
    public static void Text(string text, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, parameterName);
        if (text.Length > TelegramLimits.MaxMessageLength)
        {
            throw new ArgumentException(
                $"The text has {text.Length} characters; Telegram allows at most {TelegramLimits.MaxMessageLength}. Split it with TelegramText.Split.",
                parameterName);
        }
    }

    public static void Caption(string? caption, string parameterName)
    {
        if (caption is not null && caption.Length > TelegramLimits.MaxCaptionLength)
        {
            throw new ArgumentException(
                $"The caption has {caption.Length} characters; Telegram allows at most {TelegramLimits.MaxCaptionLength}. Shorten it with TelegramText.Truncate.",
                parameterName);
        }
    }

    public static void Photo(InputFile photo, string parameterName) => File(photo, TelegramLimits.MaxPhotoBytes, "photo", parameterName);

    public static void Document(InputFile document, string parameterName) =>
        File(document, TelegramLimits.MaxDocumentBytes, "document", parameterName);

    public static void Album(IReadOnlyList<InputMediaPhoto> media, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(media, parameterName);
        if (media.Count is < TelegramLimits.MinAlbumSize or > TelegramLimits.MaxAlbumSize)
        {
            throw new ArgumentException(
                $"An album needs {TelegramLimits.MinAlbumSize}-{TelegramLimits.MaxAlbumSize} photos; got {media.Count}. Plan albums with MediaAlbums.Split and send a single photo with sendPhoto.",
                parameterName);
        }

        foreach (var item in media)
        {
            ArgumentNullException.ThrowIfNull(item, parameterName);
            Photo(item.Photo, parameterName);
            Caption(item.Caption, parameterName);
        }
    }

    public static void CallbackAnswer(string? text, string parameterName)
    {
        if (text is not null && text.Length > TelegramLimits.MaxCallbackAnswerLength)
        {
            throw new ArgumentException(
                $"The notification has {text.Length} characters; Telegram allows at most {TelegramLimits.MaxCallbackAnswerLength}.",
                parameterName);
        }
    }

    public static void Commands(IReadOnlyList<BotCommand> commands, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(commands, parameterName);
        if (commands.Count > TelegramLimits.MaxBotCommands)
        {
            throw new ArgumentException($"Telegram allows at most {TelegramLimits.MaxBotCommands} commands; got {commands.Count}.", parameterName);
        }

        foreach (var command in commands)
        {
            if (command is null || !CommandFormat().IsMatch(command.Command) || command.Description is not { Length: >= 1 and <= 256 })
            {
                throw new ArgumentException(
                    $"Command '{command?.Command}' is invalid: 1-32 characters of a-z, 0-9 and _, and a description of 1-256 characters.",
                    parameterName);
            }
        }
    }

    public static void WebhookUrl(string url, string parameterName)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https")
        {
            throw new ArgumentException("The webhook URL must be an absolute https URL.", parameterName);
        }
    }

    public static void WebhookSecret(string? secret, string parameterName)
    {
        if (secret is not null && !SecretFormat().IsMatch(secret))
        {
            throw new ArgumentException("The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.", parameterName);
        }
    }

    private static void File(InputFile file, int maxBytes, string kind, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(file, parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(file.FileName, parameterName);
        if (file.Content.IsEmpty || file.Content.Length > maxBytes)
        {
            throw new ArgumentException(
                $"The {kind} '{file.FileName}' has {file.Content.Length} bytes; Telegram accepts 1 to {maxBytes} bytes.",
                parameterName);
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandFormat();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretFormat();
}
