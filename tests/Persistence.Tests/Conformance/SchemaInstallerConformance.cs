using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Persistence.Hosting;
using VibeCoder.Persistence.Schema;
using VibeCoder.Persistence.Tests.Infrastructure;

namespace VibeCoder.Persistence.Tests.Conformance;

/// <summary>The schema installer: idempotent, safe when run concurrently, and versioned.</summary>
public abstract class SchemaInstallerConformance(Dialect dialect)
{
    [Fact]
    public async Task Install_Twice_SecondRunChangesNothing()
    {
        await using var database = new VibeCoderDatabase(await dialect.NewDatabaseAsync());
        var installer = database.CreateInstaller(NullLoggerFactory.Instance);

        var first = await installer.InstallAsync(CancellationToken.None);
        var second = await installer.InstallAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, installer.Catalog.Version), first.Applied);
        Assert.Equal(installer.Catalog.Queries.Count, first.QueriesWritten);
        Assert.Empty(second.Applied);
        Assert.Equal(0, second.QueriesWritten);
        Assert.Equal(installer.Catalog.Version, second.DatabaseVersion);
    }

    [Fact]
    public async Task Install_Concurrently_AppliesEachScriptOnce()
    {
        await using var database = new VibeCoderDatabase(await dialect.NewDatabaseAsync());
        var installers = Enumerable.Range(0, 3).Select(_ => database.CreateInstaller(NullLoggerFactory.Instance)).ToList();

        var results = await Task.WhenAll(installers.Select(i => Task.Run(() => i.InstallAsync(CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, installers[0].Catalog.Version), results.SelectMany(r => r.Applied).Order());
        Assert.Equal(installers[0].Catalog.Queries.Count, await CountAsync(database.DataSource, "SELECT COUNT(*) FROM OrleansQuery"));
    }

    [Fact]
    public async Task Install_DatabaseAtOlderVersion_AppliesOnlyTheNewerScripts()
    {
        await using var database = new VibeCoderDatabase(await dialect.NewDatabaseAsync());
        var installer = database.CreateInstaller(NullLoggerFactory.Instance);
        await installer.InstallAsync(CancellationToken.None);
        // Back to version 1: as a database created before the journal script existed.
        await ExecuteAsync(database.DataSource, "DROP TABLE event_journal");
        await ExecuteAsync(database.DataSource, $"DELETE FROM {SchemaInstaller.VersionTable} WHERE script > 1");

        var upgrade = await installer.InstallAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(2, installer.Catalog.Version - 1), upgrade.Applied);
        Assert.Equal(0, await CountAsync(database.DataSource, "SELECT COUNT(*) FROM event_journal"));
    }

    [Fact]
    public async Task Install_QueryChangedInDatabase_IsRestoredFromTheBuild()
    {
        await using var database = new VibeCoderDatabase(await dialect.NewDatabaseAsync());
        var installer = database.CreateInstaller(NullLoggerFactory.Instance);
        await installer.InstallAsync(CancellationToken.None);
        await ExecuteAsync(database.DataSource, "UPDATE OrleansQuery SET QueryText = 'SELECT 1' WHERE QueryKey = 'ReadFromStorageKey'");

        var rerun = await installer.InstallAsync(CancellationToken.None);

        Assert.Equal(1, rerun.QueriesWritten);
    }

    private static async Task ExecuteAsync(DbDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(DbDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

[Collection(DatabaseCollection.Name)]
public sealed class PostgresSchemaInstallerTests(PostgresServer server) : SchemaInstallerConformance(new PostgresDialect(server));

[Collection(DatabaseCollection.Name)]
public sealed class SqliteSchemaInstallerTests() : SchemaInstallerConformance(new SqliteDialect());
