using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// What every <c>Add…Streams</c> call registers: the named <see cref="StreamOptions"/> (provider defaults, then the
/// configuration section <c>Streams:&lt;name&gt;</c>, then the caller's callback; validated at start), the provider as
/// the keyed <see cref="IStreamProvider"/>, the hosted service that runs the providers, and <see cref="IStreamDiagnostics"/>.
/// Used by the SQLite and PostgreSQL registrations in VibeCoder.Persistence.
/// </summary>
internal static class StreamProviderRegistration
{
    public static ISiloBuilder AddStreamProvider(
        ISiloBuilder builder,
        string name,
        Func<IServiceProvider, StreamOptions, IStreamLog> createLog,
        Action<StreamOptions> defaults,
        Action<StreamOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(StreamProviderName) && d.ImplementationInstance is StreamProviderName existing && existing.Name == name))
        {
            throw new InvalidOperationException($"A stream provider named '{name}' is already registered.");
        }

        services.AddOptions<StreamOptions>(name)
            .Configure(defaults)
            .Bind(builder.Configuration.GetSection($"{StreamOptions.SectionName}:{name}"))
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new StreamProviderName(name));
        services.AddKeyedSingleton<IStreamProvider>(name, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<StreamOptions>>().Get(name);
            var loggerFactory = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new StreamProvider(
                name,
                createLog(provider, options),
                options,
                provider.GetRequiredService<GrainRuntime>(),
                provider.GetRequiredService<TimeProvider>(),
                loggerFactory.CreateLogger<StreamProvider>());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StreamsHostedService>());
        services.TryAddSingleton<IStreamDiagnostics, StreamDiagnostics>();
        return builder;
    }
}
