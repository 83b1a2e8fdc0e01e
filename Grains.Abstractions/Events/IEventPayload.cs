namespace VibeCoder.Grains.Events;

/// <summary>A typed event payload: its event type is a property of the record type, so envelopes are made without repeating it.</summary>
public interface IEventPayload
{
    /// <summary>The event type this payload is the data of (one of <see cref="EventTypes"/>).</summary>
    static abstract string EventType { get; }
}
