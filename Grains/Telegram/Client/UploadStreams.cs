using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Rewinds the in-memory files of an upload request before it is sent again: Telegram.Bot builds a fresh body per send,
/// which starts at the stream's current position, so a retried upload would otherwise send empty files.
/// </summary>
internal static class UploadStreams
{
    public static void Rewind(IRequest request)
    {
        switch (request)
        {
            case SendPhotoRequest photo:
                Rewind(photo.Photo);
                break;
            case SendDocumentRequest document:
                Rewind(document.Document);
                break;
            case SendMediaGroupRequest album:
                foreach (var item in album.Media)
                {
                    Rewind((item as InputMedia)?.Media);
                }

                break;
        }
    }

    private static void Rewind(InputFile? file)
    {
        if (file is InputFileStream { Content.CanSeek: true } upload)
        {
            upload.Content.Position = 0;
        }
    }
}
