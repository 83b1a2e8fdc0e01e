namespace VibeCoder.Runtime.Reminders;

/// <summary>Implemented by grain classes that register reminders. Orleans: <c>IRemindable</c>.</summary>
public interface IRemindable
{
    /// <summary>Called on each tick of a reminder, as a turn that never interleaves with requests.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
