using Microsoft.Extensions.Logging;
using Npgsql;

namespace VibeCoder.Persistence.Schema;

/// <summary>The installer on PostgreSQL: DDL is transactional, and a transaction-scoped advisory lock serialises installers.</summary>
internal sealed class PostgresSchemaInstaller(string connectionString, ILogger<PostgresSchemaInstaller> logger)
    : SchemaInstaller(SchemaCatalog.For(DatabaseKind.Postgres), logger)
{
    // An arbitrary constant shared by every installer of this schema ("vibecdr" in ASCII).
    private const long AdvisoryLockKey = 0x7669_6265_6364_72;

    protected override string CreateVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VersionTable} (script integer PRIMARY KEY, name text NOT NULL, applied_on timestamptz NOT NULL)";

    protected override string UpsertQuerySql =>
        "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) " +
        "ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText WHERE OrleansQuery.QueryText IS DISTINCT FROM EXCLUDED.QueryText";

    protected override async Task<InstallSession> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                command.Parameters.AddWithValue("key", AdvisoryLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new InstallSession(connection, transaction, release: null);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override object AppliedOn() => DateTime.UtcNow;
}
