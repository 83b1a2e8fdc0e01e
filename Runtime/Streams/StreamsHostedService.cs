using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Starts the stream providers once the silo serves calls (it is registered after the silo's own hosted service) and
/// stops them before the silo deactivates its grains (hosted services stop in reverse order), so in-flight deliveries
/// complete and positions are written.
/// </summary>
internal sealed class StreamsHostedService(IServiceProvider services, IEnumerable<StreamProviderName> names) : IHostedService
{
    private readonly StreamProvider[] _providers = names
        .Select(n => (StreamProvider)services.GetRequiredKeyedService<IStreamProvider>(n.Name))
        .ToArray();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var provider in _providers)
        {
            await provider.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var provider in _providers)
        {
            await provider.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
