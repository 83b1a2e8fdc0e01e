using System.Data.Common;
using Npgsql;
using VibeCoder.Persistence.Schema;
using VibeCoder.Persistence.Sqlite;
using Microsoft.Extensions.Logging;

namespace VibeCoder.Persistence.Hosting;

/// <summary>
/// The configured database as this library's services use it: the settings, the data source our own queries (journal,
/// dead letters, health) open connections from, and what Orleans' providers are given.
/// </summary>
internal sealed class VibeCoderDatabase : IAsyncDisposable
{
    public VibeCoderDatabase(DatabaseSettings settings)
    {
        Settings = settings;
        DataSource = settings.Kind switch
        {
            DatabaseKind.Postgres => NpgsqlDataSource.Create(settings.ConnectionString),
            DatabaseKind.Sqlite => new SqliteDataSource(settings.ConnectionString, SqlitePragmas.Default),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown database kind."),
        };
    }

    public DatabaseSettings Settings { get; }

    public DbDataSource DataSource { get; }

    public DatabaseKind Kind => Settings.Kind;

    /// <summary>
    /// The connection string Orleans' providers get on PostgreSQL; on SQLite they get <see cref="ProviderDataSource"/>
    /// instead (Orleans wants exactly one of the two).
    /// </summary>
    public string? ProviderConnectionString => Kind == DatabaseKind.Postgres ? Settings.ConnectionString : null;

    /// <summary>The data source Orleans' providers get on SQLite (pragmas, write gate, typed results); null on PostgreSQL.</summary>
    public DbDataSource? ProviderDataSource => Kind == DatabaseKind.Sqlite ? DataSource : null;

    public SchemaInstaller CreateInstaller(ILoggerFactory loggerFactory) => DataSource switch
    {
        SqliteDataSource sqlite => new SqliteSchemaInstaller(sqlite, loggerFactory.CreateLogger<SqliteSchemaInstaller>()),
        _ => new PostgresSchemaInstaller(Settings.ConnectionString, loggerFactory.CreateLogger<PostgresSchemaInstaller>()),
    };

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
