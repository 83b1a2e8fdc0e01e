using Npgsql;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server and database for the whole run; each test gets its own schema (a connection string
/// whose search path is a fresh schema), which isolates its tables for a few milliseconds where a database takes
/// hundreds.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresTestServer? _server;
    private string? _database;
    private int _schemas;

    public PostgresTestServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await PostgresTestServer.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        _database = await _server.CreateDatabaseAsync("streams").WithTimeout();
    }

    /// <summary>A connection string whose tables live in a new empty schema.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var schema = $"test_{Interlocked.Increment(ref _schemas)}";
        await using (var connection = new NpgsqlConnection(_database + ";Pooling=false"))
        {
            await connection.OpenAsync().WithTimeout();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync().WithTimeout();
        }

        return new NpgsqlConnectionStringBuilder(_database) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
