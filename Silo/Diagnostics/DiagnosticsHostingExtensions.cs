using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Wires what operators and developers look at: logs (JSON with <c>LOG_FORMAT=json</c>), metrics (<c>/metrics</c>,
/// OpenTelemetry's Prometheus exporter), tracing (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set) and the Orleans
/// dashboard (<c>/dashboard</c>) behind <see cref="DashboardAuthenticationHandler"/>.
/// </summary>
public static class DiagnosticsHostingExtensions
{
    /// <summary>The authorization policy of the developer pages.</summary>
    public const string DashboardPolicy = "Dashboard";

    /// <summary>Adds log format, metrics, tracing and the dashboard's access control.</summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static IHostApplicationBuilder AddVibeCoderDiagnostics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddLogging(builder);
        var tracing = TracingSettings.FromConfiguration(builder.Configuration);
        builder.Services.TryAddSingleton(tracing);
        builder.Services.TryAddSingleton(MetricsSettings.FromConfiguration(builder.Configuration));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, CorrelationStartupFilter>());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                tracing.ServiceName, serviceInstanceId: builder.Configuration["POD_NAME"] ?? Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter([TelemetryNames.ProductWildcard, .. TelemetryNames.FrameworkMeters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOwnHostView()
                .AddPrometheusExporter());
        if (tracing.TracesEndpoint is { } endpoint)
        {
            telemetry.WithTracing(traces => traces
                .AddSource([TelemetryNames.ProductWildcard, .. TelemetryNames.OrleansSources])
                .AddProcessor(new CorrelationActivityProcessor())
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(options =>
                {
                    options.Endpoint = endpoint;
                    options.Protocol = tracing.Protocol == OtlpTransport.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        }

        builder.Services.AddVibeCoderDashboardAccess(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Adds the dashboard's options (credentials from <c>DASHBOARD_USERNAME</c>, <c>DASHBOARD_PASSWORD</c>,
    /// <c>DASHBOARD_TOKEN</c>, validated at start), its authentication scheme and the <see cref="DashboardPolicy"/>.
    /// </summary>
    public static IServiceCollection AddVibeCoderDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DashboardAccessOptions>()
            .Bind(configuration.GetSection(DashboardAccessOptions.SectionName))
            .Configure(options =>
            {
                options.Username = NullIfEmpty(configuration["DASHBOARD_USERNAME"]) ?? options.Username;
                options.Password = NullIfEmpty(configuration["DASHBOARD_PASSWORD"]) ?? options.Password;
                options.Token = NullIfEmpty(configuration["DASHBOARD_TOKEN"]) ?? options.Token;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardAccessOptions>, DashboardAccessOptionsValidator>());
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DashboardAuthenticationHandler>(DashboardAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicy, policy => policy
                .AddAuthenticationSchemes(DashboardAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// Maps the Orleans dashboard at <c>/dashboard</c> (page, scripts and JSON API behind <see cref="DashboardPolicy"/>)
    /// and the Prometheus scrape endpoint <c>/metrics</c> (behind the same policy when <c>METRICS_REQUIRE_AUTH=true</c>,
    /// see <see cref="MetricsSettings"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapVibeCoderDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (DashboardSwitch.IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(DashboardPolicy);
        }

        var metrics = endpoints.MapPrometheusScrapingEndpoint("/metrics");
        if (endpoints.ServiceProvider.GetRequiredService<MetricsSettings>().RequireAuth)
        {
            metrics.RequireAuthorization(DashboardPolicy);
        }

        return endpoints;
    }

    // The exporter listens to meters by name across the process; a meter another host's factory created (a second host
    // in tests or benchmarks) would repeat every series. Static meters (no scope) are process-wide and kept.
    private static MeterProviderBuilder AddOwnHostView(this MeterProviderBuilder metrics) =>
        ((IDeferredMeterProviderBuilder)metrics).Configure(
            (services, builder) => builder.AddView(OwnHostOnly(services.GetRequiredService<IMeterFactory>())));

    private static Func<Instrument, MetricStreamConfiguration?> OwnHostOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is not null && !ReferenceEquals(instrument.Meter.Scope, own)
            ? MetricStreamConfiguration.Drop
            : TelemetryNames.DroppedOrleansInstruments.Contains(instrument.Name) || TelemetryNames.IsPerMessageOrleansInstrument(instrument.Name)
                ? MetricStreamConfiguration.Drop
                : null;

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

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
