using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.SystemErrorOccurred"/>: an unexpected error happened.</summary>
/// <param name="Component">Where, e.g. "telegram-webhook".</param>
/// <param name="ErrorType">The exception type or error code.</param>
/// <param name="Message">The message (no secrets).</param>
[GenerateSerializer, Immutable, Alias("vc.SystemErrorOccurred")]
public sealed record SystemErrorOccurred(string Component, string ErrorType, string Message) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.SystemErrorOccurred;
}
