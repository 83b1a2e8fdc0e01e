using Microsoft.Extensions.DependencyInjection;

namespace VibeCoder.Runtime.Streams;

/// <summary>Finds stream providers, and subscribes delegates.</summary>
public static class StreamProviderExtensions
{
    /// <summary>The stream provider registered as <paramref name="name"/>. Orleans: <c>GetStreamProvider</c>.</summary>
    /// <exception cref="InvalidOperationException">No provider has that name.</exception>
    public static IStreamProvider GetStreamProvider(this IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return services.GetKeyedService<IStreamProvider>(name)
            ?? throw new InvalidOperationException(
                $"No stream provider named '{name}' is registered; add one with AddMemoryStreams, AddSqliteStreams or AddPostgresStreams.");
    }

    /// <summary>The stream provider registered as <paramref name="name"/>, from inside a grain: <c>this.GetStreamProvider(name)</c>.</summary>
    /// <exception cref="InvalidOperationException">No provider has that name.</exception>
    public static IStreamProvider GetStreamProvider(this Grain grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.Activation.Runtime.Services.GetStreamProvider(name);
    }

    /// <summary>Subscribes a delegate as an in-process observer.</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncStream<T> stream,
        Func<T, StreamSequenceToken, Task> onNext,
        StreamSequenceToken? from = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onNext);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext), from, cancellationToken);
    }

    private sealed class DelegateObserver<T>(Func<T, StreamSequenceToken, Task> onNext) : IAsyncObserver<T>
    {
        public Task OnNextAsync(T item, StreamSequenceToken token) => onNext(item, token);
    }
}
