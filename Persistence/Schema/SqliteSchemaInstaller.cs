using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using VibeCoder.Persistence.Sqlite;

namespace VibeCoder.Persistence.Schema;

/// <summary>
/// The installer on SQLite: switches the file to WAL, then applies the scripts in a <c>BEGIN IMMEDIATE</c>
/// transaction (SQLite's one write lock serialises installers of several processes) while holding the file's write
/// gate (no writer of this process waits inside SQLite behind it).
/// </summary>
internal sealed class SqliteSchemaInstaller(SqliteDataSource dataSource, ILogger<SqliteSchemaInstaller> logger)
    : SchemaInstaller(SchemaCatalog.For(DatabaseKind.Sqlite), logger)
{
    protected override string CreateVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VersionTable} (script INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_on TEXT NOT NULL)";

    protected override string UpsertQuerySql =>
        "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) " +
        "ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText WHERE QueryText IS NOT excluded.QueryText";

    protected override async Task<InstallSession> BeginAsync(CancellationToken cancellationToken)
    {
        var gate = SqliteWriteGate.For(dataSource.DatabaseFile);
        await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            // A plain connection: the installer holds the gate for its whole transaction itself.
            connection = new SqliteConnection(dataSource.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {(int)dataSource.Pragmas.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL;");
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var transaction = connection.BeginTransaction(deferred: false);
            return new InstallSession(connection, transaction, new GateRelease(gate));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            gate.Exit();
            throw;
        }
    }

    protected override object AppliedOn() => DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private sealed class GateRelease(SqliteWriteGate gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Exit();
            return ValueTask.CompletedTask;
        }
    }
}
