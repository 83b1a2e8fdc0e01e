namespace VibeCoder.Runtime.Storage;

/// <summary>The plain holder of a grain's state used by <see cref="IGrainStorage"/> callers.</summary>
/// <typeparam name="T">The state type.</typeparam>
public sealed class GrainState<T> : IGrainState<T>
{
    /// <summary>Creates a holder with the given initial value and no stored record.</summary>
    public GrainState(T state) => State = state;

    /// <inheritdoc />
    public T State { get; set; }

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
