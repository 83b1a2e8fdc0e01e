using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Register(string name, int dueMs, int periodMs);

    Task Unregister(string name);

    Task<List<string>> List();
}

public sealed class ReminderGrain(LifecycleLog log) : Grain, IReminderGrain, IRemindable
{
    public Task Register(string name, int dueMs, int periodMs) =>
        RegisterOrUpdateReminder(name, TimeSpan.FromMilliseconds(dueMs), TimeSpan.FromMilliseconds(periodMs));

    public async Task Unregister(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<List<string>> List() => (await GetReminders()).Select(r => r.ReminderName).ToList();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Record(GrainId, "reminder:" + reminderName);
        return Task.CompletedTask;
    }
}
