using System.Text.Json;
using System.Text.Json.Serialization;

namespace VibeCoder.Silo.Dashboard;

/// <summary>The JSON shape of the dashboard API: camelCase, enums by name (the page shows them as they are).</summary>
internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
