namespace VibeCoder.Silo.Diagnostics.Ops;

/// <summary>One stream dead letter, as the ops page shows it.</summary>
/// <param name="Id">The dead letter's id (what <see cref="IOpsDeadLetters.RedriveAsync"/> takes); at most 200 characters.</param>
/// <param name="Stream">The stream it was read from, e.g. <c>domain-events/job-42</c>.</param>
/// <param name="EventId">The envelope's event id.</param>
/// <param name="EventType">The envelope's type, e.g. <c>carousel.completed</c>.</param>
/// <param name="CorrelationId">The envelope's <c>metadata.correlationId</c>, or null.</param>
/// <param name="Consumer">The subscriber that gave up on it, or null when unknown.</param>
/// <param name="Error">The last error the consumer raised.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="FailedAt">When it was dead-lettered.</param>
public sealed record OpsDeadLetter(
    string Id,
    string Stream,
    string EventId,
    string EventType,
    string? CorrelationId,
    string? Consumer,
    string Error,
    int Attempts,
    DateTimeOffset FailedAt);
