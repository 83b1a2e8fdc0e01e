using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// A SQLite command that writes under the file's <see cref="SqliteWriteGate"/>, runs a batch of several statements as
/// one <c>BEGIN IMMEDIATE</c> transaction, and returns a <see cref="TypedSqliteDataReader"/>.
/// </summary>
/// <remarks>
/// The gate is held from execution until the reader is disposed (Orleans reads every row, then disposes), so a batch's
/// statements and its commit happen without another writer of this process in between.
/// </remarks>
internal sealed class GatedSqliteCommand : SqliteCommand
{
    private readonly SqliteWriteGate _gate;
    private readonly GatedSqliteConnection _connection;

    public GatedSqliteCommand(GatedSqliteConnection connection, SqliteWriteGate gate)
    {
        _gate = gate;
        _connection = connection;
        Connection = connection;
        CommandTimeout = connection.DefaultTimeout;
        // As SqliteConnection.CreateCommand does: Microsoft.Data.Sqlite's own transaction commands (COMMIT, ROLLBACK)
        // are created through CreateCommand and must run inside the connection's transaction.
        Transaction = connection.CurrentTransaction;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var shape = SqliteCommandShape.Of(CommandText);
        if (!shape.Writes)
        {
            return new TypedSqliteDataReader(ExecuteReader(behavior), write: null);
        }

        _gate.Enter();
        return ExecuteWrite(behavior, shape);
    }

    // Microsoft.Data.Sqlite executes synchronously on the calling thread; so does this, gate included (see SqliteWriteGate).
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ExecuteDbDataReader(behavior));
    }

    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        while (reader.NextResult())
        {
        }

        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    // Entered the gate already; everything from here on must leave it exactly once.
    private TypedSqliteDataReader ExecuteWrite(CommandBehavior behavior, SqliteCommandShape shape)
    {
        var scope = new WriteScope(this, _gate);
        try
        {
            if (shape.IsBatch && Transaction is null && !_connection.InTransaction)
            {
                scope.Transaction = _connection.BeginTransaction(deferred: false);
                Transaction = scope.Transaction;
            }

            return new TypedSqliteDataReader(ExecuteReader(behavior), scope);
        }
        catch
        {
            scope.End(succeeded: false);
            throw;
        }
    }

    /// <summary>One write in progress: its transaction, if it opened one, and its hold on the gate.</summary>
    internal sealed class WriteScope(GatedSqliteCommand command, SqliteWriteGate gate)
    {
        private int _ended;

        public SqliteTransaction? Transaction { get; set; }

        public void End(bool succeeded)
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return;
            }

            try
            {
                if (Transaction is not null)
                {
                    try
                    {
                        if (succeeded)
                        {
                            Transaction.Commit();
                        }
                        else
                        {
                            Transaction.Rollback();
                        }
                    }
                    finally
                    {
                        // A failed commit must not leave the pooled connection holding SQLite's write lock.
                        Transaction.Dispose();
                        command.Transaction = null;
                    }
                }
            }
            finally
            {
                gate.Exit();
            }
        }
    }
}
