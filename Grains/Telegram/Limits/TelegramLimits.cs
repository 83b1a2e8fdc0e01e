namespace VibeCoder.Grains.Telegram.Limits;

/// <summary>The Bot API's hard limits that the client enforces before sending.</summary>
internal static class TelegramLimits
{
    /// <summary>Longest message text, in UTF-16 code units (as Telegram counts).</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>Longest photo or document caption.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>Longest callback_data of an inline button, in bytes of UTF-8.</summary>
    public const int MaxCallbackDataBytes = 64;

    /// <summary>Largest photo upload: 10 MB.</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    /// <summary>Largest document upload: 50 MB.</summary>
    public const int MaxDocumentBytes = 50 * 1024 * 1024;

    /// <summary>Fewest items of a media group (album).</summary>
    public const int MinAlbumSize = 2;

    /// <summary>Most items of a media group (album).</summary>
    public const int MaxAlbumSize = 10;

    /// <summary>Longest text of an answerCallbackQuery notification.</summary>
    public const int MaxCallbackAnswerLength = 200;

    /// <summary>Most commands in one setMyCommands call.</summary>
    public const int MaxBotCommands = 100;
}
