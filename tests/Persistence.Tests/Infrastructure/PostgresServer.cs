using System.Threading;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>The one throwaway PostgreSQL server of the test assembly; each test asks it for a fresh database.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static int _databases;
    private PostgresTestServer? _server;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        _server = await PostgresTestServer.StartAsync(timeout.Token);
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"conformance_{Interlocked.Increment(ref _databases)}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _server!.CreateDatabaseAsync(name, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
