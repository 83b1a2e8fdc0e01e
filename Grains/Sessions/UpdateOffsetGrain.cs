using VibeCoder.Grains.State;
using Orleans;
using Orleans.Runtime;

namespace VibeCoder.Grains.Sessions;

/// <summary>The durable getUpdates offset of a polling bot (see <see cref="IUpdateOffsetGrain"/>).</summary>
public sealed class UpdateOffsetGrain([PersistentState("offset")] IPersistentState<UpdateOffsetState> state) : Grain, IUpdateOffsetGrain
{
    /// <inheritdoc />
    public Task<long?> GetOffset() => Task.FromResult(state.State.Offset);

    /// <inheritdoc />
    public Task SetOffset(long offset)
    {
        if (state.State.Offset >= offset)
        {
            return Task.CompletedTask;
        }

        return state.WriteOrRestoreAsync(state.State with { Offset = offset });
    }
}
