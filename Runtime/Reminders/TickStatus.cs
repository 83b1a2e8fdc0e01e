namespace VibeCoder.Runtime.Reminders;

/// <summary>About one reminder tick. Orleans: <c>TickStatus</c>.</summary>
/// <param name="FirstTickTime">When the reminder first fired (its registered start).</param>
/// <param name="Period">The reminder's period.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
