using System.Text.Json;
using System.Text.Json.Serialization;
using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Serialization;

/// <summary>
/// Serializes grain references (any grain interface type) as <c>{"interface": "…", "id": "type/key"}</c> and
/// turns them back into live references of the reading runtime.
/// </summary>
/// <param name="factory">The factory that makes the references on read.</param>
public sealed class GrainReferenceJsonConverterFactory(IGrainFactory factory) : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeof(GrainReference).IsAssignableFrom(typeToConvert) || GrainInterfaces.IsGrainInterface(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), factory)!;

    private sealed class Converter<T>(IGrainFactory factory) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? interfaceName = null;
            string? id = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A grain reference must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    case "id":
                        id = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (interfaceName is null || id is null)
            {
                throw new JsonException("A grain reference needs 'interface' and 'id'.");
            }

            var grainInterface = Type.GetType(interfaceName, throwOnError: false)
                ?? throw new JsonException($"Unknown grain interface '{interfaceName}'.");
            return (T)(object)factory.GetGrain(grainInterface, GrainId.Parse(id));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException(
                    $"Only grain references can be serialized as {typeof(T).Name}; pass this.AsReference<{typeof(T).Name}>() instead of a grain object.");
            }

            writer.WriteStartObject();
            writer.WriteString("interface", $"{reference.InterfaceType.FullName}, {reference.InterfaceType.Assembly.GetName().Name}");
            writer.WriteString("id", reference.GrainId.ToString());
            writer.WriteEndObject();
        }
    }
}
