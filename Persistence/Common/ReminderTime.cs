namespace VibeCoder.Persistence;

/// <summary>
/// How reminder times are stored: <see cref="Runtime.Reminders.ReminderEntry.StartAt"/> in UTC with microsecond
/// precision (what a PostgreSQL <c>timestamptz</c> keeps; SQLite stores microseconds since the Unix epoch),
/// <see cref="Runtime.Reminders.ReminderEntry.Period"/> exactly, as ticks.
/// </summary>
internal static class ReminderTime
{
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>A new row tag. Unique rather than a counter, so a tag from a removed and re-created row never matches.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");
}
