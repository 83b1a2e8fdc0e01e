using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// A <see cref="SqliteDataReader"/> seen through Orleans' expectations: the columns named in
/// <see cref="SqliteResultTypes"/> come back as <see cref="int"/> and UTC <see cref="DateTime"/>. It also ends the
/// command's write: disposing it commits (or, after a failure, rolls back) the command's transaction and leaves the
/// write gate.
/// </summary>
internal sealed class TypedSqliteDataReader : DbDataReader
{
    private readonly SqliteDataReader _inner;
    private readonly BatchingSqliteCommand.WriteScope? _write;
    private bool _failed;
    private bool _disposed;

    public TypedSqliteDataReader(SqliteDataReader inner, BatchingSqliteCommand.WriteScope? write)
    {
        _inner = inner;
        _write = write;
    }

    public override int Depth => _inner.Depth;

    public override int FieldCount => _inner.FieldCount;

    public override bool HasRows => _inner.HasRows;

    public override bool IsClosed => _inner.IsClosed;

    public override int RecordsAffected => _inner.RecordsAffected;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => Guard(static reader => reader.Read());

    public override bool NextResult() => Guard(static reader => reader.NextResult());

    public override object GetValue(int ordinal)
    {
        if (_inner.IsDBNull(ordinal))
        {
            return DBNull.Value;
        }

        var name = _inner.GetName(ordinal);
        if (SqliteResultTypes.Int32Columns.Contains(name))
        {
            return _inner.GetInt32(ordinal);
        }

        if (SqliteResultTypes.DateTimeColumns.Contains(name))
        {
            return GetDateTime(ordinal);
        }

        return _inner.GetValue(ordinal);
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override DateTime GetDateTime(int ordinal) =>
        DateTime.SpecifyKind(
            DateTime.Parse(_inner.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            DateTimeKind.Utc);

    public override bool GetBoolean(int ordinal) => _inner.GetBoolean(ordinal);

    public override byte GetByte(int ordinal) => _inner.GetByte(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        _inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => _inner.GetChar(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        _inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => _inner.GetDataTypeName(ordinal);

    public override decimal GetDecimal(int ordinal) => _inner.GetDecimal(ordinal);

    public override double GetDouble(int ordinal) => _inner.GetDouble(ordinal);

    public override Type GetFieldType(int ordinal) => _inner.GetFieldType(ordinal);

    public override float GetFloat(int ordinal) => _inner.GetFloat(ordinal);

    public override Guid GetGuid(int ordinal) => _inner.GetGuid(ordinal);

    public override short GetInt16(int ordinal) => _inner.GetInt16(ordinal);

    public override int GetInt32(int ordinal) => _inner.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => _inner.GetInt64(ordinal);

    public override string GetName(int ordinal) => _inner.GetName(ordinal);

    public override int GetOrdinal(string name) => _inner.GetOrdinal(name);

    public override string GetString(int ordinal) => _inner.GetString(ordinal);

    public override bool IsDBNull(int ordinal) => _inner.IsDBNull(ordinal);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    // DbDataReader.Dispose(bool) calls Close, so the end of the command's write lives here.
    public override void Close()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Disposing runs any statements of the batch not yet stepped; a failure there fails the write too.
            _inner.Dispose();
        }
        catch
        {
            _write?.End(succeeded: false);
            throw;
        }

        _write?.End(succeeded: !_failed);
    }

    private bool Guard(Func<SqliteDataReader, bool> step)
    {
        try
        {
            return step(_inner);
        }
        catch
        {
            _failed = true;
            throw;
        }
    }
}
