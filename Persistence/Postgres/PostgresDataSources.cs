using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace VibeCoder.Persistence;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> (one connection pool) per connection string, shared by every provider that
/// talks to the same database: grain storage, reminders, the stream log, cluster membership. Registered as a
/// singleton by the <c>AddPostgres…</c>/<c>UsePostgres…</c> extension methods; disposing it closes the pools.
/// </summary>
/// <remarks>Thread-safe: <see cref="Get"/> creates each data source once.</remarks>
public sealed partial class PostgresDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private bool _disposed;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="loggerFactory">Given to Npgsql and used for this registry's own messages.</param>
    public PostgresDataSources(ILoggerFactory? loggerFactory = null)
    {
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<PostgresDataSources>();
    }

    /// <summary>The data source for a connection string or <c>postgres://</c> URL, created on first use.</summary>
    /// <exception cref="FormatException">The value is neither form.</exception>
    public NpgsqlDataSource Get(string connectionStringOrUrl)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connectionString = PostgresConnectionString.FromUrlOrKeywords(connectionStringOrUrl);
        return _sources.GetOrAdd(connectionString, static (key, self) => new Lazy<NpgsqlDataSource>(() => self.Create(key)), this).Value;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var source in _sources.Values)
        {
            if (source.IsValueCreated)
            {
                await source.Value.DisposeAsync().ConfigureAwait(false);
            }
        }

        _sources.Clear();
    }

    private NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "VibeCoder";
        }

        // The providers leave no session state behind (their advisory locks are transaction-scoped), so the reset
        // Npgsql would otherwise run on each pooled connection's next use is pure per-operation overhead.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.UseLoggerFactory(_loggerFactory);
        Log.DataSourceCreated(_logger, PostgresConnectionString.Describe(connectionString));
        return builder.Build();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PostgreSQL data source created for {Target}")]
        public static partial void DataSourceCreated(ILogger logger, string target);
    }
}
