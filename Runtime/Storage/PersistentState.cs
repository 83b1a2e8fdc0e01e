namespace VibeCoder.Runtime.Storage;

/// <summary>The runtime's <see cref="IPersistentState{T}"/>: a state bound to one grain and one storage provider.</summary>
/// <typeparam name="T">The state type (needs a public parameterless constructor).</typeparam>
internal sealed class PersistentState<T>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<T>, IGrainStateLoader
    where T : new()
{
    private readonly GrainState<T> _grainState = new(new T());

    public T State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        storage.ReadStateAsync(stateName, grainId, _grainState, cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        storage.WriteStateAsync(stateName, grainId, _grainState, cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearStateAsync(stateName, grainId, _grainState, cancellationToken);
        _grainState.State = new T();
    }
}
