namespace VibeCoder.Persistence.Tests.Infrastructure;

/// <summary>A dialect under test: hands out fresh, empty databases of its kind.</summary>
public abstract class Dialect
{
    public abstract DatabaseKind Kind { get; }

    public abstract Task<DatabaseSettings> NewDatabaseAsync();
}

/// <summary>PostgreSQL: a new database on the assembly's server.</summary>
public sealed class PostgresDialect(PostgresServer server) : Dialect
{
    public override DatabaseKind Kind => DatabaseKind.Postgres;

    public override async Task<DatabaseSettings> NewDatabaseAsync() =>
        DatabaseSettings.ForPostgres(await server.CreateDatabaseAsync());
}

/// <summary>SQLite: a new file in a temporary folder (the folder is created by <see cref="DatabaseSettings.ForSqliteFile"/>).</summary>
public sealed class SqliteDialect : Dialect
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    public override Task<DatabaseSettings> NewDatabaseAsync() =>
        Task.FromResult(DatabaseSettings.ForSqliteFile(Path.Combine(Path.GetTempPath(), "vibecoder-sqlite-" + Guid.NewGuid().ToString("N"), "data.db")));
}
