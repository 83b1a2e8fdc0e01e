using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>
/// The real gateway (co-hosted silo, SQLite in a temp folder) writing content through the real OpenAI client against the
/// loopback stand-in, on a loopback Kestrel port. Short resilience settings: one retry per call, a circuit breaker that
/// opens after two failures for 1 s, and a job deadline of <see cref="JobDeadline"/>. Warnings and errors the gateway
/// logs are kept in <see cref="Log"/>.
/// </summary>
public sealed class OpenAiGatewayFixture : IAsyncLifetime
{
    /// <summary>How long a job may wait out an outage of the AI service here.</summary>
    public static readonly TimeSpan JobDeadline = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vibecoder-llm-outage-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    public OpenAiStandInServer OpenAi { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public ConcurrentQueue<string> Log { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        OpenAi = await OpenAiStandInServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["STORAGE"] = "sqlite",
            ["SQLITE_PATH"] = Path.Combine(_folder, "gateway.db"),
            ["QUOTA_PER_HOUR"] = "1",
            ["OPENAI_API_KEY"] = "sk-outage-test-key",
            ["OPENAI_BASE_URL"] = OpenAi.BaseUrl.ToString(),
            ["Content:AttemptTimeout"] = "00:00:01",
            ["Content:MaxRetryAttempts"] = "1",
            ["Content:RetryBaseDelay"] = "00:00:00.010",
            ["Content:RetryMaxDelay"] = "00:00:00.050",
            ["Content:CircuitBreakerMinimumThroughput"] = "2",
            ["Content:CircuitBreakerSamplingDuration"] = "00:00:10",
            ["Content:CircuitBreakerBreakDuration"] = "00:00:01",
            ["Carousel:RetryBaseDelay"] = "00:00:00.050",
            ["Carousel:OutageRetryMaxDelay"] = "00:00:00.500",
            ["Carousel:JobDeadline"] = JobDeadline.ToString(),
            ["Carousel:WatchdogPeriod"] = "00:00:01",
            ["urls"] = "http://127.0.0.1:0",
            ["API_KEYS"] = GatewayFixture.ApiKey, // the tests name a user, which takes an integration key
        };
        foreach (var (name, value) in LoopbackPorts.OrleansSettings())
        {
            settings[name] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient();
        Client.Timeout = TimeSpan.FromSeconds(60);
        Client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.ApiKey);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await OpenAi.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OpenAiGatewayCollection : ICollectionFixture<OpenAiGatewayFixture>
{
    public const string Name = "openai-gateway";
}
