using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// Files users "sent" the bot, as Telegram keeps them: getFile answers a File object with a <c>file_path</c>, and the
/// bytes are served at <c>/file/bot{token}/{file_path}</c>. Like Telegram, getFile refuses files over 20 MB
/// ("Bad Request: file is too big") and unknown ids ("Bad Request: invalid file_id"). Thread-safe.
/// </summary>
internal sealed class BotApiFileStore
{
    /// <summary>The most a bot may download through getFile (Telegram's limit).</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _byPath = new(StringComparer.Ordinal);
    private long _last;

    /// <summary>Stores a file and returns its file_id; <paramref name="declaredSize"/> pretends a larger size.</summary>
    public string Add(byte[] content, string extension, long? declaredSize)
    {
        long n = Interlocked.Increment(ref _last);
        string id = "upload-" + n.ToString(CultureInfo.InvariantCulture);
        string path = $"documents/file_{n.ToString(CultureInfo.InvariantCulture)}.{extension}";
        _byId[id] = new StoredFile(id, path, content, declaredSize ?? content.LongLength);
        _byPath[path] = content;
        return id;
    }

    public BotApiAnswer GetFile(BotApiParameters parameters)
    {
        string? id = parameters.String("file_id");
        if (id is null || !_byId.TryGetValue(id, out StoredFile? file))
        {
            return BotApiAnswer.Error(400, "Bad Request: invalid file_id");
        }

        if (file.Size > MaxDownloadBytes)
        {
            return BotApiAnswer.Error(400, "Bad Request: file is too big");
        }

        return BotApiAnswer.Ok(new JsonObject
        {
            ["file_id"] = file.Id,
            ["file_unique_id"] = "unique-" + file.Id,
            ["file_size"] = file.Size,
            ["file_path"] = file.Path,
        });
    }

    /// <summary>The bytes at <paramref name="path"/>, or null.</summary>
    public byte[]? Download(string path) => _byPath.TryGetValue(path, out byte[]? bytes) ? bytes : null;

    public void Clear()
    {
        _byId.Clear();
        _byPath.Clear();
    }

    private sealed record StoredFile(string Id, string Path, byte[] Content, long Size);
}
