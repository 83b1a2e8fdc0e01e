namespace VibeCoder.Telegram.Types;

/// <summary>A photo of an album for sendMediaGroup (Bot API <c>InputMediaPhoto</c>), uploaded from bytes.</summary>
/// <param name="Photo">The photo to upload; at most 10 MB.</param>
/// <param name="Caption">Caption, at most 1,024 characters; Telegram shows the album's caption from its first item.</param>
/// <param name="ParseMode">How the caption is formatted.</param>
public sealed record InputMediaPhoto(InputFile Photo, string? Caption = null, ParseMode ParseMode = ParseMode.None);
