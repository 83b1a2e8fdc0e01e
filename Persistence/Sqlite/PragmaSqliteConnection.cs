using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// A SQLite connection that sets this library's per-connection pragmas the first time its native handle opens and
/// whose commands are <see cref="BatchingSqliteCommand"/>s.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite pools native handles, and pragmas such as <c>busy_timeout</c> and <c>synchronous</c> live on
/// the handle, so they are set once per handle rather than on every open. A handle SQLite could only open read-only (the
/// file or its folder turned read-only) is not given back to the pool: once the file is writable again, the next open
/// must get a writable handle instead of failing every write for as long as the pool keeps the old one.
/// </remarks>
internal sealed class PragmaSqliteConnection : SqliteConnection
{
    private static readonly ConditionalWeakTable<sqlite3, object> PreparedHandles = [];

    private readonly SqlitePragmas _pragmas;
    private bool _openedReadOnly;

    public PragmaSqliteConnection(string connectionString, SqlitePragmas pragmas)
        : base(connectionString)
    {
        _pragmas = pragmas;
    }

    public override void Open()
    {
        base.Open();
        var handle = Handle!;
        _openedReadOnly = raw.sqlite3_db_readonly(handle, "main") == 1;
        if (PreparedHandles.TryGetValue(handle, out _))
        {
            return;
        }

        // Plain SqliteCommand: pragmas change no data and need no batch transaction.
        using (var command = base.CreateCommand())
        {
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(int)_pragmas.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {_pragmas.Synchronous};");
            command.ExecuteNonQuery();
        }

        PreparedHandles.AddOrUpdate(handle, handle);
    }

    public override void Close()
    {
        if (_openedReadOnly)
        {
            // Before the close returns the handle: a cleared pool disposes it instead of keeping it.
            _openedReadOnly = false;
            ClearPool(this);
        }

        base.Close();
    }

    /// <summary>Whether a transaction the caller began is open; a batch then runs inside it.</summary>
    public bool InTransaction => Transaction is not null;

    /// <summary>The connection's open transaction, if any.</summary>
    public SqliteTransaction? CurrentTransaction => Transaction;

    public override SqliteCommand CreateCommand() => new BatchingSqliteCommand(this);
}
