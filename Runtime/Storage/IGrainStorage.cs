namespace VibeCoder.Runtime.Storage;

/// <summary>
/// A grain state storage provider. Orleans: <c>IGrainStorage</c>.
/// </summary>
/// <remarks>
/// Contract every provider meets (and the conformance suite checks):
/// <list type="bullet">
/// <item>Read of a missing record: <c>RecordExists=false</c>, <c>ETag=null</c>, <c>State</c> left as given.</item>
/// <item>Write succeeds only when <c>grainState.ETag</c> equals the stored tag (null = "no record yet");
/// otherwise it throws <see cref="InconsistentStateException"/> and stores nothing. On success the new tag is
/// written back into <c>grainState.ETag</c> and <c>RecordExists</c> becomes true.</item>
/// <item>Clear obeys the same tag check, removes the payload, sets <c>RecordExists=false</c> and leaves a new
/// tag in <c>grainState.ETag</c>, so a following write with that tag succeeds.</item>
/// <item>Payloads are JSON from <see cref="IGrainStateSerializer"/>; text is stored as UTF-8 unchanged.</item>
/// </list>
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads the state named <paramref name="stateName"/> of grain <paramref name="grainId"/>.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    /// <summary>Writes the state if its tag is current; see the type remarks.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    /// <summary>Removes the state's payload if its tag is current; see the type remarks.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);
}
