namespace VibeCoder.Persistence;

/// <summary>Values of the <c>operation</c> tag of the storage metrics.</summary>
internal static class StorageOperation
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Clear = "clear";
    public const string ReminderRead = "reminder.read";
    public const string ReminderUpsert = "reminder.upsert";
    public const string ReminderRemove = "reminder.remove";
}
