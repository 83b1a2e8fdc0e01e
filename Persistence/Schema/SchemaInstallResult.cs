namespace VibeCoder.Persistence.Schema;

/// <summary>What one run of the installer did.</summary>
/// <param name="Applied">The numbers of the scripts this run applied (empty when the schema was current).</param>
/// <param name="DatabaseVersion">The schema version of the database after the run.</param>
/// <param name="QueriesWritten">How many named queries this run inserted or changed.</param>
internal sealed record SchemaInstallResult(IReadOnlyList<int> Applied, int DatabaseVersion, int QueriesWritten);
