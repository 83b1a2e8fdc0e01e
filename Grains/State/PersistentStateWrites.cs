using Orleans.Runtime;

namespace VibeCoder.Grains.State;

/// <summary>Writes grain state so that a failed write leaves the activation believing what storage holds.</summary>
internal static class PersistentStateWrites
{
    /// <summary>
    /// Sets <see cref="IPersistentState{TState}.State"/> to <paramref name="next"/> and writes it; when the write
    /// fails, the previous value is put back before the error propagates, so the turn fails cleanly and the activation
    /// never acts on a change storage does not have.
    /// </summary>
    /// <remarks>
    /// Orleans keeps the previous ETag when a write fails. Should the failed write have committed after all (the
    /// connection broke after the commit), the activation's next write fails with <c>InconsistentStateException</c>
    /// and Orleans deactivates it; the next call reads the stored state afresh.
    /// </remarks>
    public static async Task WriteOrRestoreAsync<T>(this IPersistentState<T> state, T next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}
