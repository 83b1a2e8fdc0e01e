using System.Text.Json;
using Orleans;

namespace VibeCoder.Grains.Serialization;

/// <summary>Converts a <see cref="JsonElement"/> to and from <see cref="JsonElementSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public sealed class JsonElementConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    /// <inheritdoc />
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate) =>
        JsonDocument.Parse(surrogate.Json).RootElement.Clone();

    /// <inheritdoc />
    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) => new(value.GetRawText());
}
