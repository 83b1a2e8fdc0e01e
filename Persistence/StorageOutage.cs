using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Serialization;

namespace VibeCoder.Persistence;

/// <summary>
/// Tells a storage outage (the database is unreachable, restarting, full, read-only or locked: trying again later may
/// work) from other errors, through Orleans' wrapping (<c>OrleansException</c> around the provider's error, or a
/// stand-in for an exception type that could not cross a grain call).
/// </summary>
public static class StorageOutage
{
    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a storage outage.</summary>
    /// <param name="exception">The error.</param>
    /// <param name="reason">A short reason for logs and problem details, e.g. "disk full"; empty when false.</param>
    public static bool TryDescribe(Exception? exception, out string reason)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Describe(current) is { } found)
            {
                reason = found;
                return true;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (TryDescribe(inner, out reason))
                    {
                        return true;
                    }
                }
            }
        }

        reason = "";
        return false;
    }

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is a storage outage.</summary>
    public static bool Is(Exception? exception) => TryDescribe(exception, out _);

    private static string? Describe(Exception exception) => exception switch
    {
        // Npgsql's own judgement: connection failures, admin shutdown (57P01), too many connections, I/O errors…
        PostgresException { IsTransient: true } postgres => $"PostgreSQL {postgres.SqlState}",
        NpgsqlException { IsTransient: true } => "PostgreSQL unreachable",
        SqliteException sqlite => DescribeSqlite(sqlite.SqliteErrorCode),
        UnavailableExceptionFallbackException fallback when IsStorageType(fallback.ExceptionType) => "storage unavailable",
        _ => null,
    };

    // Primary result codes (the low byte of extended ones): https://sqlite.org/rescode.html
    private static string? DescribeSqlite(int code) => (code & 0xFF) switch
    {
        5 => "SQLite database busy",
        6 => "SQLite table locked",
        8 => "SQLite database read-only",
        10 => "SQLite disk I/O error",
        13 => "SQLite disk full",
        14 => "SQLite database file cannot be opened",
        _ => null,
    };

    private static bool IsStorageType(string? typeName) =>
        typeName is not null && (typeName.StartsWith("Npgsql.", StringComparison.Ordinal) || typeName.StartsWith("Microsoft.Data.Sqlite.", StringComparison.Ordinal));
}
