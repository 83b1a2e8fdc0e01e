using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace VibeCoder.Persistence.Streams;

/// <summary>
/// Dead letters over the <c>orleans_stream_dead_letter</c> table of this library's schema, for this service id.
/// The dialects differ only in the re-drive statement and in how timestamps read back.
/// </summary>
internal abstract class SqlStreamDeadLetters(DbDataSource dataSource, IOptions<ClusterOptions> cluster) : IStreamDeadLetters
{
    /// <summary>The largest list accepted.</summary>
    public const int MaxLimit = 1_000;

    private string ServiceId => cluster.Value.ServiceId;

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT message_id, provider_id, queue_id, dequeued, created_on, dead_on, remove_on, length(payload) " +
            "FROM orleans_stream_dead_letter WHERE service_id = @serviceId ORDER BY dead_on DESC, message_id DESC LIMIT @limit";
        Add(command, "serviceId", ServiceId);
        Add(command, "limit", limit);
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                ReadUtc(reader, 4),
                ReadUtc(reader, 5),
                ReadUtc(reader, 6),
                reader.IsDBNull(7) ? 0 : Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return letters;
    }

    public async Task<bool> RedriveAsync(long messageId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = RedriveSql;
        Add(command, "serviceId", ServiceId);
        Add(command, "messageId", messageId);
        Add(command, "expiryTimeout", (int)Hosting.StreamDefaults.ExpiryTimeout.TotalSeconds);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var requeued = false;
        do
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                requeued = true;
            }
        }
        while (await reader.NextResultAsync(ct).ConfigureAwait(false));

        return requeued;
    }

    /// <summary>
    /// Moves dead letter @messageId of @serviceId back to the message table as a new message (expiring after
    /// @expiryTimeout seconds); returns a row only when it did.
    /// </summary>
    protected abstract string RedriveSql { get; }

    /// <summary>Reads a stored timestamp back, in UTC.</summary>
    protected abstract DateTime ReadUtc(DbDataReader reader, int ordinal);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
