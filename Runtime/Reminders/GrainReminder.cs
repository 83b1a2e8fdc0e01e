namespace VibeCoder.Runtime.Reminders;

/// <summary>The handle given to grains: the name plus the row's version, needed to remove it.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
