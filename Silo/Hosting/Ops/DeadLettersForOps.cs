using System.Globalization;
using VibeCoder.Persistence.Streams;
using VibeCoder.Silo.Diagnostics.Ops;

namespace VibeCoder.Silo.Hosting.Ops;

/// <summary>The AdoNet streams' dead letters as the ops page lists and re-drives them.</summary>
internal sealed class DeadLettersForOps(IStreamDeadLetters deadLetters) : IOpsDeadLetters
{
    public async Task<IReadOnlyList<OpsDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var letters = await deadLetters.ListAsync(limit, cancellationToken);
        return [.. letters.Select(letter => new OpsDeadLetter(
            letter.MessageId.ToString(CultureInfo.InvariantCulture),
            $"{letter.ProviderName}/{letter.QueueId}",
            letter.MessageId.ToString(CultureInfo.InvariantCulture),
            "(queued batch)",
            null,
            null,
            $"not delivered after {letter.Attempts} attempts",
            letter.Attempts,
            new DateTimeOffset(DateTime.SpecifyKind(letter.DeadOn, DateTimeKind.Utc))))];
    }

    public Task<bool> RedriveAsync(string id, CancellationToken cancellationToken) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId)
            ? deadLetters.RedriveAsync(messageId, cancellationToken)
            : Task.FromResult(false);
}
