using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence;

/// <summary>Where the grain service keeps its data: the dialect and the connection string.</summary>
/// <param name="Kind">The dialect.</param>
/// <param name="ConnectionString">
/// An Npgsql connection string for <see cref="DatabaseKind.Postgres"/>; a Microsoft.Data.Sqlite connection string for
/// <see cref="DatabaseKind.Sqlite"/> (see <see cref="ForSqliteFile"/>).
/// </param>
public sealed record DatabaseSettings(DatabaseKind Kind, string ConnectionString)
{
    /// <summary>The ADO.NET invariant Orleans' AdoNet providers know the dialect by.</summary>
    /// <remarks>
    /// <c>System.Data.SQLite</c> is the name Orleans gives SQLite; it resolves it to Microsoft.Data.Sqlite's factory.
    /// For SQLite this library hands Orleans its own data source instead (pragmas, one writer, typed results),
    /// still under this invariant.
    /// </remarks>
    public string Invariant => Kind switch
    {
        DatabaseKind.Postgres => "Npgsql",
        DatabaseKind.Sqlite => "System.Data.SQLite",
        _ => throw new InvalidOperationException($"Unknown database kind {Kind}."),
    };

    /// <summary>Settings for a SQLite database file; creates the file's directory when missing.</summary>
    /// <param name="path">The database file, absolute or relative to the current directory.</param>
    public static DatabaseSettings ForSqliteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        };
        return new DatabaseSettings(DatabaseKind.Sqlite, builder.ToString());
    }

    /// <summary>Settings for a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    public static DatabaseSettings ForPostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new DatabaseSettings(DatabaseKind.Postgres, connectionString);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} (connection string redacted)";
}
