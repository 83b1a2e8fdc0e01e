using System.Collections.Frozen;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// The CLR types Orleans' AdoNet providers unbox named result columns to (<c>(int)record["Dequeued"]</c>,
/// <c>(DateTime)record["VisibleOn"]</c>): SQLite's dynamic typing returns <see cref="long"/> and <see cref="string"/>
/// for them, so <see cref="TypedSqliteDataReader"/> converts these columns by name.
/// </summary>
internal static class SqliteResultTypes
{
    public static readonly FrozenSet<string> Int32Columns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Dequeued", "Version", "NewGrainStateVersion", "Port", "Generation", "Status", "ProxyPort", "GrainHash");

    public static readonly FrozenSet<string> DateTimeColumns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "VisibleOn", "ExpiresOn", "CreatedOn", "ModifiedOn", "DeadOn", "RemoveOn", "StartTime", "IAmAliveTime");
}
