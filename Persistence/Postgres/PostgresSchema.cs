using Npgsql;

namespace VibeCoder.Persistence;

/// <summary>
/// Applies DDL idempotently. Two processes starting at once against one database would race in
/// <c>CREATE TABLE IF NOT EXISTS</c> (both see no table, one fails on the catalog's unique index), so the DDL runs
/// in a transaction holding an advisory lock that every VibeCoder schema change takes.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key: "VibeCode" in ASCII.</summary>
    private const long SchemaLockKey = 0x56_69_62_65_43_6F_64_65;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = SchemaLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task PingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
