namespace VibeCoder.Persistence;

/// <summary>The SQL dialects the grain service stores its state, reminders, streams and journal in.</summary>
public enum DatabaseKind
{
    /// <summary>An embedded SQLite file (the default of <c>dotnet run --project Gateway</c>); one process writes it.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by every silo and client of the cluster.</summary>
    Postgres,
}
