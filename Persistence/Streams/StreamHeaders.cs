using System.Collections.Immutable;
using System.Text.Json;

namespace VibeCoder.Persistence;

/// <summary>The stored form of an item's headers (request context and trace parent): a flat JSON object of strings.</summary>
internal static class StreamHeaders
{
    public static byte[]? Serialize(ImmutableDictionary<string, string>? headers) =>
        headers is null || headers.IsEmpty ? null : JsonSerializer.SerializeToUtf8Bytes(headers);

    public static ImmutableDictionary<string, string>? Deserialize(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        return values is null || values.Count == 0 ? null : values.ToImmutableDictionary(StringComparer.Ordinal);
    }
}
