using Orleans;
using Orleans.Concurrency;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Runtime;

namespace VibeCoder.Grains.Events;

/// <summary>
/// A domain event as it travels on streams and is stored in the event log: <c>{id, type, timestamp, source, data,
/// metadata{correlationId, causationId, userId}}</c> (seed 000's <c>EventEnvelope&lt;T&gt;</c>). <see cref="Data"/> is the
/// typed payload as JSON, so any consumer can read an envelope whatever its payload type.
/// </summary>
/// <param name="Id">Unique per event; consumers de-duplicate on it (delivery is at least once).</param>
/// <param name="Type">The event type (one of <see cref="EventTypes"/>).</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="Source">Who published it, e.g. "carousel-job".</param>
/// <param name="Data">The payload.</param>
/// <param name="Metadata">Correlation, causation and user.</param>
/// <remarks>
/// A consumer calls <see cref="EnterContext"/> before handling the envelope: its correlation id, its own id (as the
/// causation id) and its user id go into the <see cref="RequestContext"/>, so events the handler publishes with
/// <see cref="Create{TPayload}"/> join the same flow. <see cref="Data"/> crosses grain calls as JSON text
/// (<see cref="JsonElementSurrogate"/>).
/// </remarks>
[GenerateSerializer, Immutable, Alias("vc.EventEnvelope")]
public sealed record EventEnvelope(string Id, string Type, DateTimeOffset Timestamp, string Source, JsonElement Data, EventMetadata Metadata)
{
    /// <summary>How payloads are written into <see cref="Data"/> and read back: camelCase names, enums as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>
    /// An envelope for <paramref name="payload"/>, in the current flow: correlation from <paramref name="causedBy"/>, else
    /// the <see cref="RequestContext"/>, else a new one; causation from <paramref name="causedBy"/>, else the event being
    /// handled (request context); user likewise.
    /// </summary>
    /// <param name="source">Who publishes, e.g. "carousel-job".</param>
    /// <param name="payload">The event's data.</param>
    /// <param name="causedBy">The event whose handling publishes this one, when at hand.</param>
    /// <param name="time">The clock (default: system).</param>
    public static EventEnvelope Create<TPayload>(string source, TPayload payload, EventEnvelope? causedBy = null, TimeProvider? time = null)
        where TPayload : IEventPayload
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(payload);
        var metadata = new EventMetadata(
            causedBy?.Metadata.CorrelationId ?? Correlation.CurrentId ?? Correlation.NewId(),
            causedBy?.Id ?? RequestContext.Get(CorrelationKeys.CausationId) as string,
            causedBy?.Metadata.UserId ?? RequestContext.Get(CorrelationKeys.UserId) as string);
        return Create(TPayload.EventType, source, payload, metadata, (time ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>An envelope with every field given (for importing events, tests, replays).</summary>
    public static EventEnvelope Create<TData>(string type, string source, TData data, EventMetadata metadata, DateTimeOffset timestamp, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(metadata);
        return new EventEnvelope(id ?? Correlation.NewId(), type, timestamp, source, JsonSerializer.SerializeToElement(data, JsonOptions), metadata);
    }

    /// <summary>Whether this envelope carries a <typeparamref name="TPayload"/>.</summary>
    public bool Is<TPayload>() where TPayload : IEventPayload => Type == TPayload.EventType;

    /// <summary>The payload as <typeparamref name="TPayload"/>.</summary>
    /// <exception cref="InvalidOperationException">The envelope is of another event type.</exception>
    public TPayload ReadData<TPayload>() where TPayload : IEventPayload =>
        Is<TPayload>()
            ? Data.Deserialize<TPayload>(JsonOptions) ?? throw new JsonException($"Event {Id} ({Type}) has null data.")
            : throw new InvalidOperationException($"Event {Id} is a '{Type}', not a '{TPayload.EventType}'.");

    /// <summary>The payload as <typeparamref name="TPayload"/> when the type matches.</summary>
    public bool TryReadData<TPayload>(out TPayload? payload) where TPayload : IEventPayload
    {
        payload = Is<TPayload>() ? Data.Deserialize<TPayload>(JsonOptions) : default;
        return payload is not null;
    }

    /// <summary>
    /// Puts this envelope's correlation id, its id (as the causation id) and its user id into the current
    /// <see cref="RequestContext"/>: call it in a stream consumer before handling the event.
    /// </summary>
    public void EnterContext()
    {
        RequestContext.Set(CorrelationKeys.CorrelationId, Metadata.CorrelationId);
        RequestContext.Set(CorrelationKeys.CausationId, Id);
        if (Metadata.UserId is { } userId)
        {
            RequestContext.Set(CorrelationKeys.UserId, userId);
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
