using System.Collections.Concurrent;
using Npgsql;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Persistence.Tests;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run (shared through <see cref="PostgresCollection"/>), with a
/// database per test class so classes never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new(StringComparer.Ordinal);
    private PostgresTestServer? _server;

    /// <summary>Data sources for the databases, shared like the silo shares them.</summary>
    public PostgresDataSources DataSources { get; } = new();

    public PostgresTestServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync() =>
        _server = await PostgresTestServer.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));

    /// <summary>The connection string of database <paramref name="name"/>, created on first request.</summary>
    public Task<string> DatabaseAsync(string name) =>
        _databases.GetOrAdd(name, key => new Lazy<Task<string>>(() => Server.CreateDatabaseAsync(key))).Value;

    /// <summary>The shared data source of database <paramref name="name"/>, created on first request.</summary>
    public async Task<NpgsqlDataSource> DataSourceAsync(string name) =>
        DataSources.Get(await DatabaseAsync(name).WithTimeout());

    public async Task DisposeAsync()
    {
        await DataSources.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
