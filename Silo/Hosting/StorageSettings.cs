using Microsoft.Extensions.Configuration;
using VibeCoder.Persistence;

namespace VibeCoder.Silo.Hosting;

/// <summary>
/// The storage choice read from the environment: <c>STORAGE</c> (sqlite | postgres | memory, default sqlite),
/// <c>SQLITE_PATH</c> (default <c>./data/vibecoder.db</c>) and <c>POSTGRES_URL</c> (required for postgres).
/// </summary>
/// <param name="Kind">The provider.</param>
/// <param name="SqlitePath">The SQLite file.</param>
/// <param name="PostgresUrl">The PostgreSQL URL or keyword connection string (a secret: never logged).</param>
public sealed record StorageSettings(StorageKind Kind, string SqlitePath, string? PostgresUrl)
{
    /// <summary>The SQLite file used when <c>SQLITE_PATH</c> is not set.</summary>
    public const string DefaultSqlitePath = "./data/vibecoder.db";

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var kindText = configuration["STORAGE"];
        var kind = string.IsNullOrWhiteSpace(kindText) ? StorageKind.Sqlite : kindText.Trim().ToLowerInvariant() switch
        {
            "sqlite" => StorageKind.Sqlite,
            "postgres" or "postgresql" => StorageKind.Postgres,
            "memory" => StorageKind.Memory,
            _ => throw new InvalidConfigurationException($"STORAGE must be sqlite, postgres or memory (was '{kindText}')."),
        };
        var sqlitePath = configuration["SQLITE_PATH"];
        if (sqlitePath is not null && string.IsNullOrWhiteSpace(sqlitePath))
        {
            throw new InvalidConfigurationException("SQLITE_PATH is set but empty; unset it to use ./data/vibecoder.db.");
        }

        var postgresUrl = configuration["POSTGRES_URL"];
        if (kind == StorageKind.Postgres && string.IsNullOrWhiteSpace(postgresUrl))
        {
            throw new InvalidConfigurationException("POSTGRES_URL is required when STORAGE=postgres (e.g. postgres://user:password@host:5432/vibecoder).");
        }

        return new StorageSettings(kind, sqlitePath ?? DefaultSqlitePath, postgresUrl);
    }

    /// <summary>The database behind state, reminders, streams and the journal; null for memory storage.</summary>
    /// <exception cref="InvalidConfigurationException"><c>POSTGRES_URL</c> cannot be read (the message never quotes it: it holds the password).</exception>
    public DatabaseSettings? ToDatabaseSettings() => Kind switch
    {
        StorageKind.Sqlite => DatabaseSettings.ForSqliteFile(SqlitePath),
        StorageKind.Postgres => DatabaseSettings.ForPostgres(ReadPostgresUrl(PostgresUrl!)),
        _ => null,
    };

    private static string ReadPostgresUrl(string value)
    {
        try
        {
            return PostgresConnectionString.FromUrlOrKeywords(value);
        }
        catch (FormatException error)
        {
            throw new InvalidConfigurationException($"POSTGRES_URL: {error.Message}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        StorageKind.Sqlite => $"sqlite ({SqlitePath})",
        StorageKind.Postgres => "postgres (" + PostgresConnectionString.Describe(PostgresUrl!) + ")",
        _ => "memory",
    };
}
