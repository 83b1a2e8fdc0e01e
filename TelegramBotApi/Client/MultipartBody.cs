using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using VibeCoder.Telegram.Types;

namespace VibeCoder.Telegram.Client;

/// <summary>Builds a multipart/form-data body the way the Bot API reads uploads: plain fields, JSON-valued fields, file parts.</summary>
internal sealed class MultipartBody
{
    private readonly MultipartFormDataContent _content = new();

    public MultipartFormDataContent Content => _content;

    public MultipartBody Field(string name, string? value)
    {
        if (value is not null)
        {
            var part = new StringContent(value, Encoding.UTF8);
            part.Headers.ContentDisposition = FormData(name, fileName: null);
            _content.Add(part);
        }

        return this;
    }

    public MultipartBody Field(string name, long value) => Field(name, value.ToString(CultureInfo.InvariantCulture));

    public MultipartBody File(string name, InputFile file)
    {
        var part = new ReadOnlyMemoryContent(file.Content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? "application/octet-stream");
        part.Headers.ContentDisposition = FormData(name, file.FileName);
        _content.Add(part);
        return this;
    }

    private static ContentDispositionHeaderValue FormData(string name, string? fileName) => new("form-data")
    {
        Name = Quote(name),
        FileName = fileName is null ? null : Quote(SafeFileName(fileName)),
    };

    private static string Quote(string value) => $"\"{value}\"";

    // Header values must be ASCII without quotes; Telegram shows the name, so keep it readable rather than encoded.
    private static string SafeFileName(string fileName)
    {
        var builder = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            builder.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return builder.ToString();
    }
}
