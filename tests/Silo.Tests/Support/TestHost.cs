using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using VibeCoder.Grains.Carousels;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// A real web host on a loopback port composed like the Silo host (<c>AddVibeCoderSilo</c> with <c>STORAGE=memory</c>,
/// <c>MapVibeCoderDiagnostics</c>, <c>MapVibeCoderOps</c>) on free Orleans ports, so several run side by side. It maps
/// <c>POST /test/carousels?topic=…</c>: an HTTP request that starts a carousel workflow (grain calls, content,
/// rendering) and answers with the job id.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>A request header the test middleware turns into the connection's remote address.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private static readonly TimeSpan CarouselTimeout = TimeSpan.FromSeconds(60);

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
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false })
        {
            BaseAddress = new Uri(Address, PathBase.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    public static async Task<TestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? pathBase = null,
        Action<ILoggingBuilder>? configureLogging = null,
        Action<ISiloBuilder>? configureSilo = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Pin every variable the host reads, so the machine's environment cannot change a test.
        var all = new Dictionary<string, string?>
        {
            ["STORAGE"] = "memory",
            ["ORLEANS_CLUSTER_ID"] = "silo-tests-" + Guid.NewGuid().ToString("N")[..8],
            ["ORLEANS_SERVICE_ID"] = "silo-tests",
            ["ORLEANS_SILO_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORLEANS_GATEWAY_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ORLEANS_ADVERTISED_IP"] = "127.0.0.1",
            ["GATEWAY_MODE"] = "",
            ["TELEGRAM_BOT_TOKEN"] = "",
            ["TELEGRAM_MODE"] = "off",
            ["OPENAI_API_KEY"] = "",
            ["QUOTA_PER_HOUR"] = "",
            ["LOG_FORMAT"] = "text",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "",
            ["METRICS_REQUIRE_AUTH"] = "",
            ["DASHBOARD_USERNAME"] = "",
            ["DASHBOARD_PASSWORD"] = "",
            ["DASHBOARD_TOKEN"] = "",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Orleans"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.AddVibeCoderSilo(configureSilo);
        builder.Services.AddSingleton<IStartupFilter, RemoteAddressStartupFilter>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        // Routing after the path base; authentication and authorization after routing (the host adds them first
        // when UseRouting is called explicitly, before any endpoint is known).
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapVibeCoderHealth();
        app.MapVibeCoderDiagnostics();
        app.MapVibeCoderOps();
        app.MapPost("/test/carousels", StartCarouselAsync);
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

    /// <summary>Starts a carousel through <c>POST /test/carousels</c> and waits until the job is final.</summary>
    public async Task<CarouselJobSnapshot> RunCarouselAsync(string topic, string? correlationId = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "test/carousels?topic=" + Uri.EscapeDataString(topic));
        if (correlationId is not null)
        {
            request.Headers.Add(CorrelationIds.HeaderName, correlationId);
        }

        using var response = await client.SendAsync(request).WaitAsync(CarouselTimeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobId = await response.Content.ReadAsStringAsync();
        var job = await Services.GetRequiredService<IGrainFactory>().GetGrain<ICarouselJobGrain>(jobId)
            .WaitUntilFinal(ICarouselJobGrain.MaxWait).WaitAsync(CarouselTimeout);
        Assert.NotNull(job);
        Assert.Equal(JobStatus.Completed, job.Status);
        return job;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task<string> StartCarouselAsync(string topic, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var request = new CarouselRequest(topic, 3, "en", new RenderOptions("midnight", SlideSize.Portrait, null, null), null, null);
        await grains.GetGrain<IWorkflowGrain>(jobId).Start(request).WaitAsync(cancellationToken);
        return jobId;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
