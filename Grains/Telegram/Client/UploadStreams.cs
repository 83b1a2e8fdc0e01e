using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using IRequest = Telegram.Bot.Requests.Abstractions.IRequest;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// Makes the in-memory files of an upload request sendable again: Telegram.Bot's request body disposes the streams it
/// sent, so a retried upload needs fresh ones (a <see cref="MemoryStream"/> still gives its bytes after disposal).
/// </summary>
internal static class UploadStreams
{
    /// <summary>True when every file of the request can be sent again (in-memory, or a seekable open stream).</summary>
    public static bool CanResend(IRequest request) => Files(request).All(file => file.Content is MemoryStream || file.Content.CanSeek);

    /// <summary>Gives every file of the request a stream positioned at its first byte.</summary>
    public static void Rewind(IRequest request)
    {
        foreach (var file in Files(request))
        {
            if (file.Content is MemoryStream memory)
            {
                file.Content = new MemoryStream(memory.ToArray(), writable: false);
            }
            else if (file.Content.CanSeek)
            {
                file.Content.Position = 0;
            }
        }
    }

    private static IEnumerable<InputFileStream> Files(IRequest request)
    {
        IEnumerable<InputFile?> files = request switch
        {
            SendPhotoRequest photo => [photo.Photo],
            SendDocumentRequest document => [document.Document],
            SendMediaGroupRequest album => album.Media.Select(item => (item as InputMedia)?.Media),
            _ => [],
        };
        return files.OfType<InputFileStream>();
    }
}
