using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Runtime.Filters;
using VibeCoder.Silo.Hosting;
using VibeCoder.Silo.Logging;
using VibeCoder.Silo.Metrics;
using VibeCoder.Silo.Tracing;

namespace VibeCoder.Silo.Dashboard;

/// <summary>
/// Wires what operators and developers look at: logs (JSON with <c>LOG_FORMAT=json</c>, plus the dashboard's
/// live tail), metrics (<c>/metrics</c>), tracing (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and the
/// dashboard (<c>/dashboard</c>). A host that runs a silo calls <see cref="AddVibeCoderDiagnostics"/> and
/// <see cref="MapVibeCoderDiagnostics"/>.
/// </summary>
public static class DiagnosticsHostingExtensions
{
    private static readonly string[] TailQuietCategories = ["Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>
    /// Adds logging format and tail, the metrics collector, tracing and the dashboard. Needs a silo
    /// (<c>AddSilo</c>) in the same host for <see cref="ISiloDiagnostics"/>.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static IHostApplicationBuilder AddVibeCoderDiagnostics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddLogging(builder);
        AddMetrics(builder.Services);
        AddTracing(builder.Services, TracingSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddVibeCoderDashboard(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Adds the dashboard's services: its options (credentials from <c>DASHBOARD_USERNAME</c>,
    /// <c>DASHBOARD_PASSWORD</c>, <c>DASHBOARD_TOKEN</c>; the rest from the "Dashboard" section, validated at
    /// start) and the log tail it shows.
    /// </summary>
    public static IServiceCollection AddVibeCoderDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardOptions>()
            .Bind(configuration.GetSection(DashboardOptions.SectionName))
            .Configure(options =>
            {
                options.Username = NullIfEmpty(configuration["DASHBOARD_USERNAME"]) ?? options.Username;
                options.Password = NullIfEmpty(configuration["DASHBOARD_PASSWORD"]) ?? options.Password;
                options.Token = NullIfEmpty(configuration["DASHBOARD_TOKEN"]) ?? options.Token;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(sp => new LogTail(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.LogTailSize));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LogTailLoggerProvider>());

        // Every request (the dashboard's own polling included) logs a few lines at Information in these categories;
        // the tail keeps their warnings and errors only. "Logging:DashboardTail:LogLevel:…" overrides this.
        services.Configure<LoggerFilterOptions>(options =>
        {
            // Inserted first: of equally specific rules the last wins, so configured ones still override these.
            foreach (var category in TailQuietCategories)
            {
                options.Rules.Insert(0, new LoggerFilterRule(typeof(LogTailLoggerProvider).FullName, category, LogLevel.Warning, null));
            }
        });
        return services;
    }

    /// <summary>Maps <c>/dashboard</c> (page and API) and <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapVibeCoderDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapVibeCoderDashboard();
        endpoints.MapGet("/metrics", MetricsEndpoint.Handle).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Maps the dashboard page under <c>/dashboard/</c> and its JSON API under <c>/dashboard/api/</c>.</summary>
    public static IEndpointConventionBuilder MapVibeCoderDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<LogTail>() is null)
        {
            throw new InvalidOperationException("Call AddVibeCoderDashboard (or AddVibeCoderDiagnostics) before MapVibeCoderDashboard.");
        }

        return DashboardEndpoints.Map(endpoints);
    }

    private static void AddLogging(IHostApplicationBuilder builder)
    {
        var format = builder.Configuration["LOG_FORMAT"];
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "text":
                break;
            case "json":
                builder.Logging.AddConsole();
                builder.Logging.AddConsoleFormatter<JsonLineConsoleFormatter, ConsoleFormatterOptions>();
                builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = JsonLineConsoleFormatter.FormatterName);
                break;
            default:
                throw new InvalidConfigurationException($"LOG_FORMAT must be json or text (was '{format}').");
        }
    }

    private static void AddMetrics(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(sp => new MetricsCollector(sp.GetRequiredService<ISiloDiagnostics>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddHostedService<MetricsCollectorStarter>();
    }

    private static void AddTracing(IServiceCollection services, TracingSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, CorrelationStartupFilter>());
        if (settings.TraceGrainCalls)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, TracingOutgoingGrainCallFilter>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, TracingIncomingGrainCallFilter>());
        }

        if (settings.Endpoint is not null)
        {
            services.TryAddSingleton<TracerProviderHost>();
            services.AddHostedService(sp => sp.GetRequiredService<TracerProviderHost>());
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
