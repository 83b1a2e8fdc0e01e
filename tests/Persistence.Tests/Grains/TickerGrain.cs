namespace VibeCoder.Persistence.Tests.Grains;

/// <summary>Raises the signal "tick/&lt;key&gt;" on every reminder tick.</summary>
public sealed class TickerGrain : Grain, ITickerGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task Start(TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMilliseconds(200), period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Signals.Raise("tick/" + this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
