using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace VibeCoder.Persistence.Serialization;

/// <summary>
/// Grain state as plain, readable JSON through System.Text.Json: camelCase properties, enums as their declared names, no type
/// names. A state type reads back as itself, so a record may gain, lose or rename-with-default properties between
/// versions (see docs/persistence.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Records: positional records bind through their constructor; init-only and settable properties are set.</item>
/// <item>A property missing from stored JSON keeps its default (constructor parameter default, or initialiser).</item>
/// <item>A stored property the type no longer has is ignored.</item>
/// <item>Non-ASCII text is written as UTF-8, not as <c>\u</c> escapes, so the stored state stays readable.</item>
/// <item>No polymorphism: a property typed as a base class or <c>object</c> stores only what that type declares.</item>
/// </list>
/// </remarks>
public sealed class JsonStateSerializer : IGrainStorageSerializer
{
    /// <summary>The options every grain state is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
        ?? throw new JsonException($"Stored grain state of type {typeof(T)} is JSON null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            NumberHandling = JsonNumberHandling.Strict,
            IncludeFields = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: true));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
