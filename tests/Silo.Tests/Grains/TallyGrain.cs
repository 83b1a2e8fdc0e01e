using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Silo.Tests.Grains;

/// <summary>A persisted counter: the state viewer's subject, and a source of calls and errors.</summary>
public sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> tally) : Grain, ITallyGrain, IRemindable
{
    public async Task<int> Add(int amount, string by)
    {
        tally.State = tally.State with { Count = tally.State.Count + amount, LastBy = by };
        await tally.WriteStateAsync();
        return tally.State.Count;
    }

    public Task<TallyState> Get() => Task.FromResult(tally.State);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task Remind(TimeSpan period) => RegisterOrUpdateReminder("tick", period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
