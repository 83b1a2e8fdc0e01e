using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// A call's parameters however they came — query string, JSON body, urlencoded or multipart form — read the way the
/// Bot API reads them: form values that hold objects or arrays are JSON text.
/// </summary>
internal sealed class BotApiParameters
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BotApiFile> _files = new(StringComparer.Ordinal);

    public string BodyKind { get; private set; } = "none";

    /// <summary>True when the body came with Transfer-Encoding: chunked (no Content-Length), as Telegram.Bot sends JSON.</summary>
    public bool Chunked { get; private set; }

    public IReadOnlyCollection<BotApiFile> Files => _files.Values;

    /// <exception cref="BotApiRequestException">The body cannot be parsed.</exception>
    public static async Task<BotApiParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new BotApiParameters
        {
            Chunked = request.ContentLength is null && request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase),
        };
        foreach (var (name, value) in request.Query)
        {
            parameters._values[name] = JsonValue.Create(value.ToString());
        }

        try
        {
            if (request.HasJsonContentType())
            {
                parameters.BodyKind = "json";
                var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (body is not JsonObject fields)
                {
                    throw new BotApiRequestException("Bad Request: the JSON body is not an object");
                }

                foreach (var (name, value) in fields)
                {
                    parameters._values[name] = value?.DeepClone();
                }
            }
            else if (request.HasFormContentType)
            {
                parameters.BodyKind = request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? "multipart" : "form";
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (name, value) in form)
                {
                    parameters._values[name] = JsonValue.Create(value.ToString());
                }

                foreach (var file in form.Files)
                {
                    using var stream = new MemoryStream();
                    await file.CopyToAsync(stream, cancellationToken);
                    if (!parameters._files.TryAdd(file.Name, new BotApiFile(file.Name, file.FileName, file.ContentType ?? "", stream.ToArray())))
                    {
                        throw new BotApiRequestException($"Bad Request: duplicate file part \"{file.Name}\" in the request");
                    }
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or BadHttpRequestException)
        {
            throw new BotApiRequestException("Bad Request: can't parse request body");
        }

        return parameters;
    }

    public bool Has(string name) => _values.TryGetValue(name, out var value) && value is not null;

    public string? String(string name) => _values.TryGetValue(name, out var value) ? AsText(value) : null;

    public long? Long(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is not JsonValue scalar)
        {
            return null;
        }

        if (scalar.TryGetValue<long>(out var number))
        {
            return number;
        }

        return scalar.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    public bool Bool(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is not JsonValue scalar)
        {
            return false;
        }

        return scalar.TryGetValue<bool>(out var flag)
            ? flag
            : scalar.TryGetValue<string>(out var text) && bool.TryParse(text, out flag) && flag;
    }

    /// <summary>A JSON-valued parameter: the node of a JSON body, or the parsed text of a form field.</summary>
    /// <exception cref="BotApiRequestException">The form field is not JSON.</exception>
    public JsonNode? Json(string name)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new BotApiRequestException($"Bad Request: can't parse {name} JSON object");
            }
        }

        return value;
    }

    public BotApiFile? File(string name) => _files.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> AsText() =>
        _values.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => AsText(pair.Value)!, StringComparer.Ordinal);

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
