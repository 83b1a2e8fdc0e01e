using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace VibeCoder.Persistence.Schema;

/// <summary>
/// Brings a database to this build's schema: applies, in one transaction under a database-wide lock, the numbered
/// scripts the database has not recorded yet, then writes this build's named queries into <c>OrleansQuery</c>.
/// Safe to run at every start and from several processes at once.
/// </summary>
/// <remarks>
/// Applied scripts are recorded in <c>vibecoder_schema_version</c> (number, name, time). Queries are written only by
/// a build at least as new as the database: during a rolling upgrade an older silo that restarts does not put back
/// its older query texts. Orleans reads the queries when a provider starts, so running silos keep theirs.
/// </remarks>
internal abstract partial class SchemaInstaller(SchemaCatalog catalog, ILogger logger)
{
    /// <summary>Names the table that records applied scripts.</summary>
    public const string VersionTable = "vibecoder_schema_version";

    public SchemaCatalog Catalog { get; } = catalog;

    public async Task<SchemaInstallResult> InstallAsync(CancellationToken cancellationToken)
    {
        await using var session = await BeginAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(session, CreateVersionTableSql, cancellationToken).ConfigureAwait(false);

        var recorded = new HashSet<int>();
        await using (var command = session.CreateCommand($"SELECT script FROM {VersionTable}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                recorded.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var applied = new List<int>();
        foreach (var script in Catalog.Scripts)
        {
            if (recorded.Contains(script.Number))
            {
                continue;
            }

            await ExecuteAsync(session, script.Text, cancellationToken).ConfigureAwait(false);
            await using var record = session.CreateCommand($"INSERT INTO {VersionTable} (script, name, applied_on) VALUES (@script, @name, @appliedOn)");
            AddParameter(record, "script", script.Number);
            AddParameter(record, "name", script.Name);
            AddParameter(record, "appliedOn", AppliedOn());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(script.Number);
            recorded.Add(script.Number);
            LogInformationScriptApplied(logger, script.Number, script.Name);
        }

        var databaseVersion = recorded.Max();
        var queriesWritten = 0;
        if (databaseVersion > Catalog.Version)
        {
            LogWarningDatabaseNewer(logger, databaseVersion, Catalog.Version);
        }
        else
        {
            foreach (var (key, text) in Catalog.Queries)
            {
                await using var upsert = session.CreateCommand(UpsertQuerySql);
                AddParameter(upsert, "key", key);
                AddParameter(upsert, "text", text);
                queriesWritten += await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SchemaInstallResult(applied, databaseVersion, queriesWritten);
    }

    /// <summary>Creates the version table when missing.</summary>
    protected abstract string CreateVersionTableSql { get; }

    /// <summary>Inserts or replaces <c>@key</c>/<c>@text</c> in OrleansQuery, touching no row whose text is unchanged.</summary>
    protected abstract string UpsertQuerySql { get; }

    /// <summary>Opens a connection and a transaction that holds the database-wide installer lock.</summary>
    protected abstract Task<InstallSession> BeginAsync(CancellationToken cancellationToken);

    /// <summary>The value stored in <c>applied_on</c>.</summary>
    protected abstract object AppliedOn();

    private static async Task ExecuteAsync(InstallSession session, string sql, CancellationToken cancellationToken)
    {
        await using var command = session.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A connection with the installer's transaction; disposing without commit rolls back.</summary>
    protected sealed class InstallSession(DbConnection connection, DbTransaction transaction, IAsyncDisposable? release) : IAsyncDisposable
    {
        public DbCommand CreateCommand(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            if (release is not null)
            {
                await release.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Number} ({Name})")]
    private static partial void LogInformationScriptApplied(ILogger logger, int number, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is at schema version {DatabaseVersion}, newer than this build's {BuildVersion}: left its queries as they are")]
    private static partial void LogWarningDatabaseNewer(ILogger logger, int databaseVersion, int buildVersion);
}
