using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>What a command text does, as far as the write gate cares: whether it writes and whether it is several statements.</summary>
/// <remarks>
/// Decided from the text, which is ours (the named queries, the journal, the installer): a write verb anywhere makes it
/// a write. The few texts Orleans and we run are remembered, so the regex runs once per text.
/// </remarks>
internal sealed partial record SqliteCommandShape(bool Writes, bool IsBatch)
{
    private static readonly ConcurrentDictionary<string, SqliteCommandShape> Known = new(StringComparer.Ordinal);

    public static SqliteCommandShape Of(string commandText) => Known.GetOrAdd(commandText, Classify);

    private static SqliteCommandShape Classify(string text)
    {
        var writes = WriteVerb().IsMatch(text);
        var trimmed = text.AsSpan().TrimEnd().TrimEnd(';');
        return new SqliteCommandShape(writes, trimmed.Contains(';'));
    }

    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteVerb();
}
