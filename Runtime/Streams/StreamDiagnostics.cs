using Microsoft.Extensions.DependencyInjection;

namespace VibeCoder.Runtime.Streams;

/// <summary>The <see cref="IStreamDiagnostics"/> over the registered providers.</summary>
internal sealed class StreamDiagnostics(IServiceProvider services, IEnumerable<StreamProviderName> names) : IStreamDiagnostics
{
    public IReadOnlyList<string> ProviderNames { get; } = names.Select(n => n.Name).ToArray();

    public Task<StreamProviderSnapshot> GetSnapshotAsync(string providerName, CancellationToken cancellationToken = default) =>
        Provider(providerName).SnapshotAsync(cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string providerName, int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return Provider(providerName).StreamLog.ReadDeadLettersAsync(maxCount, cancellationToken);
    }

    public Task<long> ApplyRetentionAsync(string providerName, CancellationToken cancellationToken = default) =>
        Provider(providerName).ApplyRetentionAsync(cancellationToken);

    private StreamProvider Provider(string name) =>
        ProviderNames.Contains(name, StringComparer.Ordinal)
            ? (StreamProvider)services.GetRequiredKeyedService<IStreamProvider>(name)
            : throw new ArgumentException($"No stream provider named '{name}' is registered.", nameof(name));
}
