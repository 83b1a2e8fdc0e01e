using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VibeCoder.Persistence;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Dashboard;
using VibeCoder.Silo.Tests.Grains;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// A real web host on a loopback port, composed like the product hosts (<c>AddSilo</c> +
/// <c>AddVibeCoderDiagnostics</c> + <c>MapVibeCoderDiagnostics</c>) but with the test grains over a SQLite file.
/// It maps <c>GET /test/greet/{name}</c> (an HTTP request that calls two grains) for tracing and log tests.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>A request header the test middleware turns into the connection's remote address.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>The in-memory stream provider the host runs.</summary>
    public const string StreamProvider = "events";

    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address, string? pathBase)
    {
        _app = app;
        Address = address;
        PathBase = pathBase ?? "";
    }

    /// <summary>The host's root, e.g. <c>http://127.0.0.1:41234/</c> (without the path base).</summary>
    public Uri Address { get; }

    /// <summary>The path base the app runs under ("" for none).</summary>
    public string PathBase { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A client for the host's address plus path base.</summary>
    public HttpClient CreateClient(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = new Uri(Address, PathBase.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(15) };

    public static async Task<TestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? pathBase = null,
        Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Pin every variable the diagnostics read, so the machine's environment cannot change a test.
        var all = new Dictionary<string, string?>
        {
            ["LOG_FORMAT"] = "text",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "",
            ["TRACE_GRAIN_CALLS"] = "",
            ["DASHBOARD_USERNAME"] = "",
            ["DASHBOARD_PASSWORD"] = "",
            ["DASHBOARD_TOKEN"] = "",
            ["Silo:SiloName"] = "test-silo",
            ["Silo:CallTimeout"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        var database = Path.Combine(Path.GetTempPath(), "vibecoder-silo-tests", Guid.NewGuid().ToString("N") + ".db");
        builder.Services.AddSilo(builder.Configuration, silo =>
        {
            silo.AddGrain<TallyGrain>();
            silo.AddGrain<GreeterGrain>();
            silo.AddGrain<EchoGrain>();
            silo.AddMemoryStreams(StreamProvider);
            silo.AddSqliteGrainStorage("Default", o => o.Path = database);
            silo.UseSqliteReminderService(o => o.Path = database);
        });
        builder.AddVibeCoderDiagnostics();
        builder.Services.AddSingleton<StreamSignals>();
        builder.Services.AddSingleton<IStartupFilter, RemoteAddressStartupFilter>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseRouting();
        app.MapVibeCoderDiagnostics();
        app.MapGet("/test/greet/{name}", (string name, IGrainFactory grains) => grains.GetGrain<IGreeterGrain>(name).Greet(name));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = new Uri(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new TestHost(app, address, pathBase);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    /// <summary>Lets a test pose as a remote client: the header's value becomes the connection's remote address.</summary>
    private sealed class RemoteAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader].ToString(), out var remote))
                {
                    context.Connection.RemoteIpAddress = remote;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
