using System.Text.Json;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests;

internal static class TestSerializer
{
    public static readonly IGrainStateSerializer Instance = new JsonGrainStateSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
