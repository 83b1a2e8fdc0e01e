using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// The <see cref="DbDataSource"/> this library gives Orleans' AdoNet providers (and uses itself) for a SQLite file:
/// connections carry the pragmas, batch transactions and the typed results Orleans expects.
/// </summary>
/// <remarks>
/// Orleans validates a data source by checking that its connections are assignable to the invariant's connection type
/// (<see cref="SqliteConnection"/> for <c>System.Data.SQLite</c>), which <see cref="PragmaSqliteConnection"/> is.
/// </remarks>
internal sealed class SqliteDataSource : DbDataSource
{
    private readonly string _connectionString;
    private readonly SqlitePragmas _pragmas;

    public SqliteDataSource(string connectionString, SqlitePragmas pragmas)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The SQLite connection string must name a database file.", nameof(connectionString));
        }

        _connectionString = connectionString;
        _pragmas = pragmas;
        DatabaseFile = Path.GetFullPath(builder.DataSource);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabaseFile { get; }

    /// <summary>The pragmas its connections set.</summary>
    public SqlitePragmas Pragmas => _pragmas;

    public override string ConnectionString => _connectionString;

    protected override DbConnection CreateDbConnection() => new PragmaSqliteConnection(_connectionString, _pragmas);
}
