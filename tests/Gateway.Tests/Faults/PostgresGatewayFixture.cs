using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCoder.TestServers.Net;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>
/// A throwaway PostgreSQL server and the real gateway co-hosting a silo on it (<c>STORAGE=postgres</c>, offline content),
/// on a loopback Kestrel port. Tests stop, start and pause the server under the running gateway. Warnings and errors the
/// gateway logs are kept in <see cref="Log"/>.
/// </summary>
public sealed class PostgresGatewayFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public PostgresTestServer Postgres { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public ConcurrentQueue<string> Log { get; } = new();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        Postgres = await PostgresTestServer.StartAsync(timeout.Token);
        var database = await Postgres.CreateDatabaseAsync("faults", timeout.Token);

        // Short connect and command timeouts: a frozen server must turn into errors within the tests' patience.
        var connectionString = database + ";Timeout=3;Command Timeout=5";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("STORAGE", "postgres");
            builder.UseSetting("POSTGRES_URL", connectionString);
            builder.UseSetting("QUOTA_PER_HOUR", "1000");
            builder.UseSetting("Carousel:RetryBaseDelay", "00:00:00.100");
            builder.UseSetting("Carousel:WatchdogPeriod", "00:00:01");
            builder.UseSetting("API_KEYS", GatewayFixture.ApiKey);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (name, value) in LoopbackPorts.OrleansSettings())
            {
                builder.UseSetting(name, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Log)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", GatewayFixture.ApiKey);
        Client.Timeout = TimeSpan.FromSeconds(60);
    }

    public IServiceProvider Services => _factory!.Services;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresGatewayCollection : ICollectionFixture<PostgresGatewayFixture>
{
    public const string Name = "postgres-gateway";
}
