using System.Text.Json;
using Orleans;

namespace VibeCoder.Grains.Serialization;

/// <summary>
/// How a <see cref="JsonElement"/> (an event's data) crosses grain calls and queues: as its JSON text. Orleans has no
/// codec of its own for <see cref="JsonElement"/>; this surrogate and <see cref="JsonElementConverter"/> give it one.
/// </summary>
/// <param name="Json">The element's raw JSON text.</param>
[GenerateSerializer, Immutable, Alias("vc.JsonElement")]
public readonly record struct JsonElementSurrogate([property: Id(0)] string Json);
