namespace VibeCoder.Runtime.Reminders;

/// <summary>A handle to a registered reminder. Orleans: <c>IGrainReminder</c>.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name.</summary>
    string ReminderName { get; }
}
