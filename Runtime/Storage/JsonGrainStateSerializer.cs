using System.Text.Json;

namespace VibeCoder.Runtime.Storage;

/// <summary>The default <see cref="IGrainStateSerializer"/>: System.Text.Json with the runtime's options.</summary>
/// <param name="options">The options; they must know grain references (the runtime's options do).</param>
public sealed class JsonGrainStateSerializer(JsonSerializerOptions options) : IGrainStateSerializer
{
    /// <inheritdoc />
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, options);

    /// <inheritdoc />
    public T Deserialize<T>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<T>(json, options)
        ?? throw new JsonException($"Stored state of type {typeof(T).FullName} deserialized to null.");
}
