using System.Globalization;
using Npgsql;

namespace VibeCoder.Persistence;

/// <summary>Reads the two forms in which a PostgreSQL address is configured.</summary>
public static class PostgresConnectionString
{
    /// <summary>
    /// Converts a <c>postgres://</c> or <c>postgresql://</c> URL (user, password and database URL-encoded;
    /// port 5432 when absent; query parameters such as <c>sslmode=require</c> or <c>application_name=x</c>) to an
    /// Npgsql keyword connection string; a keyword connection string is checked and returned normalised.
    /// </summary>
    /// <param name="value">The URL or connection string.</param>
    /// <returns>A keyword connection string. It contains the password: do not log it.</returns>
    /// <exception cref="FormatException">The value is neither form. The message never contains the password.</exception>
    public static string FromUrlOrKeywords(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("The PostgreSQL connection string is empty.");
        }

        return IsUrl(trimmed) ? FromUrl(trimmed) : FromKeywords(trimmed);
    }

    /// <summary>Host, port, database and user of a connection string or URL, for log messages; never the password.</summary>
    /// <param name="value">The URL or connection string.</param>
    public static string Describe(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(FromUrlOrKeywords(value));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} as {builder.Username ?? "(default user)"}");
        }
        catch (FormatException)
        {
            return "(invalid connection string)";
        }
    }

    private static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static string FromKeywords(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"The PostgreSQL connection string is malformed: {exception.Message}", exception);
        }
    }

    private static string FromUrl(string value)
    {
        // The URL itself is never quoted in a message: it carries the password.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("The PostgreSQL URL is malformed; expected postgres://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            // Uri keeps IPv6 hosts in brackets; Npgsql wants the bare address.
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var (key, parameter) in ParseQuery(uri.Query))
        {
            ApplyUrlParameter(builder, key, parameter);
        }

        return builder.ConnectionString;
    }

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var parameterValue = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (key, parameterValue);
        }
    }

    /// <summary>Maps libpq's URL parameter names onto Npgsql's; other names are tried as Npgsql keywords.</summary>
    private static void ApplyUrlParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        try
        {
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "target_session_attrs":
                    builder.TargetSessionAttributes = value;
                    break;
                case "options":
                    builder.Options = value;
                    break;
                default:
                    builder[key] = value;
                    break;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            throw new FormatException($"The PostgreSQL URL parameter '{key}' is not supported or has an invalid value.", exception);
        }
    }
}
