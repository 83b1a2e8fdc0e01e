namespace VibeCoder.Runtime.Diagnostics;

/// <summary>A reminder the silo keeps armed.</summary>
/// <param name="GrainId">The grain it belongs to, as <c>type/key</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartAt">When it first fired (or fires).</param>
/// <param name="PeriodSeconds">Seconds between ticks.</param>
/// <param name="NextDueAt">When it is due next by its schedule.</param>
public sealed record ReminderInfo(string GrainId, string Name, DateTimeOffset StartAt, double PeriodSeconds, DateTimeOffset NextDueAt);
