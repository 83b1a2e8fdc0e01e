namespace VibeCoder.Persistence;

/// <summary>Where a PostgreSQL-backed provider keeps its data.</summary>
/// <remarks>
/// <see cref="ConnectionString"/> has no default: start-up fails with a message naming it when it is empty or
/// malformed. Providers with the same connection string share one <see cref="Npgsql.NpgsqlDataSource"/>.
/// </remarks>
public sealed class PostgresStorageOptions
{
    /// <summary>
    /// An Npgsql keyword connection string (<c>Host=…;Username=…;Password=…;Database=…</c>) or a
    /// <c>postgres://user:password@host:port/database</c> URL; see <see cref="PostgresConnectionString.FromUrlOrKeywords"/>.
    /// No default.
    /// </summary>
    public string ConnectionString { get; set; } = "";
}
