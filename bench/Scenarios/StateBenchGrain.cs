namespace VibeCoder.Bench.Scenarios;

/// <summary>The grain <c>state-writes</c> drives: one state write per call.</summary>
[Alias("bench.IStateBenchGrain")]
internal interface IStateBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces the state with the document for <paramref name="counter"/> and writes it to storage.</summary>
    [Alias("Write")]
    Task Write(long counter);
}

/// <inheritdoc cref="IStateBenchGrain" />
internal sealed class StateBenchGrain([PersistentState("state")] IPersistentState<StateBenchDocument> state) : Grain, IStateBenchGrain
{
    public Task Write(long counter)
    {
        state.State = StateBenchDocument.For(counter);
        return state.WriteStateAsync();
    }
}
