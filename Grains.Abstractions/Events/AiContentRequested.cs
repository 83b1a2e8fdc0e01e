using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.AiContentRequested"/>: content was requested from the model.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="Topic">The topic.</param>
/// <param name="Language">The language asked for.</param>
/// <param name="Model">The model (or "offline" for the built-in generator).</param>
[GenerateSerializer, Immutable, Alias("vc.AiContentRequested")]
public sealed record AiContentRequested(string JobId, string Topic, string Language, string Model) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.AiContentRequested;
}
