using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// Bulk insert into one table: append one value per column in order, then <see cref="EndRow"/>.
/// DuckDB.NET writes each value in its own CLR type's layout, so every value is converted here to the
/// column's type first (an int for a BIGINT column would otherwise be written as four bytes).
/// Disposing flushes and closes; an error doing so is raised as a <see cref="DuckDbException"/>. After an
/// append has already failed, disposing discards the unflushed rows quietly so that the first error is not
/// masked by a second one.
/// </summary>
public sealed class DuckDbAppender : IDisposable
{
    private readonly DuckDBAppender _appender;
    private readonly DuckDbType[] _types;
    private readonly int[] _scales;
    private IDuckDBAppenderRow? _row;
    private int _column;
    private bool _faulted;
    private bool _closed;

    internal DuckDbAppender(DuckDBAppender appender, DuckDbType[] types, int[] scales)
    {
        _appender = appender;
        _types = types;
        _scales = scales;
    }

    /// <summary>Appends text, cast to the column's type when it is an ENUM; null appends NULL.</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender Append(string? value) => value is null ? AppendNull() : Column() switch
    {
        DuckDbType.Varchar => Put(value, static (r, v) => r.AppendValue(v)),
        var type => Put((Type: type, Value: value), static (r, v) => AppendConverted(r, v.Type, v.Value)),
    };

    /// <summary>Appends an integer, converted (checked) to the column's numeric type.</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender Append(long value) => Column() switch
    {
        DuckDbType.BigInt => Put(value, static (r, v) => r.AppendValue(v)),
        DuckDbType.Integer => Put(value, static (r, v) => r.AppendValue(checked((int)v))),
        DuckDbType.SmallInt => Put(value, static (r, v) => r.AppendValue(checked((short)v))),
        DuckDbType.TinyInt => Put(value, static (r, v) => r.AppendValue(checked((sbyte)v))),
        DuckDbType.UBigInt => Put(value, static (r, v) => r.AppendValue(checked((ulong)v))),
        DuckDbType.UInteger => Put(value, static (r, v) => r.AppendValue(checked((uint)v))),
        DuckDbType.USmallInt => Put(value, static (r, v) => r.AppendValue(checked((ushort)v))),
        DuckDbType.UTinyInt => Put(value, static (r, v) => r.AppendValue(checked((byte)v))),
        DuckDbType.HugeInt => Put(value, static (r, v) => r.AppendValue((BigInteger?)v)),
        DuckDbType.Double => Put(value, static (r, v) => r.AppendValue((double)v)),
        DuckDbType.Float => Put(value, static (r, v) => r.AppendValue((float)v)),
        DuckDbType.Decimal => Put(value, static (r, v) => r.AppendValue((decimal)v)),
        var type => Put((Type: type, Value: value), static (r, v) => AppendConverted(r, v.Type, v.Value.ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>Appends an integer, converted (checked) to the column's numeric type.</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender Append(int value) => Append((long)value);

    /// <summary>Appends a floating-point number to a DOUBLE, FLOAT or DECIMAL column (the latter rounded to its scale).</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender Append(double value) => Column() switch
    {
        DuckDbType.Double => Put(value, static (r, v) => r.AppendValue(v)),
        DuckDbType.Float => Put(value, static (r, v) => r.AppendValue((float)v)),
        DuckDbType.Decimal => Append((decimal)value),
        var type => Put((Type: type, Value: value), static (r, v) => AppendConverted(r, v.Type, v.Value.ToString("R", CultureInfo.InvariantCulture))),
    };

    /// <summary>Appends a BOOLEAN value.</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender Append(bool value) => Column() switch
    {
        DuckDbType.Boolean => Put(value, static (r, v) => r.AppendValue(v)),
        var type => Put((Type: type, Value: value), static (r, v) => AppendConverted(r, v.Type, v.Value ? "true" : "false")),
    };

    /// <summary>Appends exactly, rounded half away from zero to the column's scale as DuckDB's cast does.</summary>
    public DuckDbAppender Append(decimal value) => Column() switch
    {
        // The provider would truncate the digits beyond the column's scale.
        DuckDbType.Decimal => Put((Value: value, Scale: _scales[_column]), static (r, v) => r.AppendValue(Math.Round(v.Value, v.Scale, MidpointRounding.AwayFromZero))),
        DuckDbType.Double => Put(value, static (r, v) => r.AppendValue((double)v)),
        DuckDbType.Float => Put(value, static (r, v) => r.AppendValue((float)v)),
        var type => Put((Type: type, Value: value), static (r, v) => AppendConverted(r, v.Type, v.Value.ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>Appends NULL to the next column, whatever its type.</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender AppendNull()
    {
        Column();
        return Put(0, static (r, _) => r.AppendNullValue());
    }

    /// <summary>Microseconds since 1970-01-01T00:00:00Z, for a TIMESTAMP or TIMESTAMPTZ column.</summary>
    public DuckDbAppender AppendTimestampMicros(long micros) => Column() switch
    {
        DuckDbType.Timestamp => Put(micros, static (r, v) => r.AppendValue(DuckDbConversions.ToDateTime(v))),
        DuckDbType.TimestampTz => Put(micros, static (r, v) => r.AppendValue(new DateTimeOffset(DuckDbConversions.ToDateTime(v)))),
        var type => throw Fault(new DuckDbException($"Column {_column + 1} is {type}: a timestamp cannot be appended to it.")),
    };

    /// <summary>Appends a calendar day to a DATE column (no time zone is involved).</summary>
    /// <returns>This appender, to chain the row's values.</returns>
    public DuckDbAppender AppendDate(DateOnly value) => Column() switch
    {
        DuckDbType.Date => Put(value, static (r, v) => r.AppendValue(v)),
        var type => throw Fault(new DuckDbException($"Column {_column + 1} is {type}: a date cannot be appended to it.")),
    };

    /// <summary>Ends the row; fails when fewer values were appended than the table has columns.</summary>
    /// <returns>This appender, to start the next row.</returns>
    public DuckDbAppender EndRow()
    {
        if (_column != _types.Length)
        {
            throw Fault(new DuckDbException($"The row has {_column} values but the table has {_types.Length} columns."));
        }

        try
        {
            (_row ?? _appender.CreateRow()).EndRow();
        }
        catch (Exception ex) when (IsAppendFailure(ex))
        {
            throw Failed(ex);
        }

        _row = null;
        _column = 0;
        return this;
    }

    /// <summary>Writes the buffered rows to the table and closes the appender.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_faulted)
        {
            try
            {
                _appender.Clear();
                _appender.Close();
            }
            catch (Exception ex) when (ex is DuckDBException or InvalidOperationException)
            {
                // The first error has been raised already; the rows it left are discarded with the appender.
            }

            return;
        }

        if (_column != 0)
        {
            _faulted = true;
            Dispose();
            throw new DuckDbException($"The appender was closed with an incomplete row ({_column} of {_types.Length} values).");
        }

        Guard(_appender.Close);
    }

    private DuckDbType Column()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return _column < _types.Length
            ? _types[_column]
            : throw Fault(new DuckDbException($"The table has {_types.Length} columns; a value for column {_column + 1} was appended."));
    }

    // The value travels as state to a static lambda: nothing is allocated per value appended.
    private DuckDbAppender Put<T>(T value, Action<IDuckDBAppenderRow, T> append)
    {
        try
        {
            append(_row ??= _appender.CreateRow(), value);
        }
        catch (Exception ex) when (IsAppendFailure(ex))
        {
            throw Failed(ex);
        }

        _column++;
        return this;
    }

    // Other column types (dates and instants given as text, enums) take the value as text and cast it.
    private static void AppendConverted(IDuckDBAppenderRow row, DuckDbType type, string text) => row.AppendValue(type switch
    {
        DuckDbType.Varchar or DuckDbType.Enum => text,
        _ => throw new DuckDbException($"Could not convert '{text}' to the {type} column: the appender takes it only in the column's own type."),
    });

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (IsAppendFailure(ex))
        {
            throw Failed(ex);
        }
    }

    private static bool IsAppendFailure(Exception ex) => ex is DuckDbException or DuckDBException or InvalidOperationException or OverflowException;

    /// <summary>Marks the appender faulted and gives the failure as a <see cref="DuckDbException"/>.</summary>
    private DuckDbException Failed(Exception ex) => Fault(ex as DuckDbException ?? new DuckDbException(ex.Message, ex));

    private DuckDbException Fault(DuckDbException exception)
    {
        _faulted = true;
        return exception;
    }
}
