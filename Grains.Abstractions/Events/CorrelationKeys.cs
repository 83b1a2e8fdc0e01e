namespace VibeCoder.Grains.Events;

/// <summary>
/// The <see cref="Orleans.Runtime.RequestContext"/> keys that tie work together: set once where a flow starts (a
/// Telegram update, an HTTP request), they travel with every grain call and into every event published; a consumer puts an
/// event's ids back into the request context while it handles the event (<see cref="EventEnvelope.EnterContext"/>).
/// </summary>
public static class CorrelationKeys
{
    /// <summary>The id shared by everything one user action caused.</summary>
    public const string CorrelationId = "correlation-id";

    /// <summary>While an event is handled: that event's id (new events record it as their cause).</summary>
    public const string CausationId = "causation-id";

    /// <summary>The user the flow acts for.</summary>
    public const string UserId = "user-id";
}
