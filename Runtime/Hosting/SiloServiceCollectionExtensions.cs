using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Runtime.Hosting;

/// <summary>Adds a silo to a host. Orleans: <c>UseOrleans</c>.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Hosts a silo in this process: the runtime, <see cref="IGrainFactory"/>, reminders, <see cref="ISiloDiagnostics"/>,
    /// and a "silo" health check tagged "ready". Without a configured reminder table, reminders are kept in memory.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration; the "Silo" section binds <see cref="SiloOptions"/>.</param>
    /// <param name="configure">Adds grains, storage and providers.</param>
    public static IServiceCollection AddSilo(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>().Factory);
        services.AddSingleton<IGrainStateSerializer>(sp => new JsonGrainStateSerializer(sp.GetRequiredService<GrainRuntime>().JsonOptions));
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ISiloStatus, SiloStatus>();
        services.AddHostedService<SiloHostedService>();
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        services.AddOptions<SiloDiagnosticsOptions>().Bind(configuration.GetSection(SiloDiagnosticsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloDiagnosticsOptions>, SiloDiagnosticsOptionsValidator>();
        services.AddSingleton<SiloDiagnostics>();
        services.AddSingleton<ISiloDiagnostics>(sp => sp.GetRequiredService<SiloDiagnostics>());

        configure(new SiloBuilder(services, configuration));

        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        return services;
    }
}
