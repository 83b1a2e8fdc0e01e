namespace VibeCoder.Runtime.Streams;

/// <summary>
/// A named stream provider (memory, SQLite or PostgreSQL), registered with <c>AddMemoryStreams</c>,
/// <c>AddSqliteStreams</c> or <c>AddPostgresStreams</c> and resolved by name with
/// <see cref="StreamProviderExtensions.GetStreamProvider(IServiceProvider, string)"/>. Orleans: <c>IStreamProvider</c>.
/// </summary>
public interface IStreamProvider
{
    /// <summary>The name the provider was registered under.</summary>
    string Name { get; }

    /// <summary>Whether acknowledged events survive a process restart (true for the SQLite and PostgreSQL providers).</summary>
    bool IsDurable { get; }

    /// <summary>A handle on the stream <paramref name="namespace"/>/<paramref name="key"/>. Cheap: no I/O until it is used.</summary>
    /// <typeparam name="T">The item type; items are stored as JSON, so a subscriber may read them as another compatible type.</typeparam>
    /// <exception cref="ArgumentException">A part is empty or contains a control character.</exception>
    IAsyncStream<T> GetStream<T>(string @namespace, string key);
}
