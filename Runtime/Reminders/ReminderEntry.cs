namespace VibeCoder.Runtime.Reminders;

/// <summary>A durable reminder as the reminder table stores it. Orleans: <c>ReminderEntry</c>.</summary>
/// <param name="GrainId">The grain the reminder belongs to.</param>
/// <param name="Name">The reminder's name, unique per grain.</param>
/// <param name="StartAt">When it first fires.</param>
/// <param name="Period">The interval between ticks after the first.</param>
/// <param name="ETag">The row's version tag; null for a row not yet stored.</param>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? ETag);
