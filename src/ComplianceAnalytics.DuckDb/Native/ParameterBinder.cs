namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>Binds .NET values to prepared-statement parameters with DuckDB's typed bind functions.</summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle statement, int index1Based, object? value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index1Based, 1);
        var index = (ulong)index1Based;
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(statement, index),
            string s => BindString(statement, index, s),
            long l => NativeMethods.duckdb_bind_int64(statement, index, l),
            int i => NativeMethods.duckdb_bind_int32(statement, index, i),
            double d => NativeMethods.duckdb_bind_double(statement, index, d),
            decimal m => NativeMethods.duckdb_bind_decimal(statement, index, Conversions.ToDuckDbDecimal(m)),
            bool b => NativeMethods.duckdb_bind_boolean(statement, index, b),
            DateOnly date => NativeMethods.duckdb_bind_date(statement, index, Conversions.ToDays(date)),
            DateTime dateTime => NativeMethods.duckdb_bind_timestamp(statement, index, ToUtcMicros(dateTime)),
            DateTimeOffset offset => NativeMethods.duckdb_bind_timestamp_tz(statement, index, Conversions.ToMicros(offset.UtcTicks)),
            DuckDbTimestamp timestamp => NativeMethods.duckdb_bind_timestamp_tz(statement, index, timestamp.Micros),
            byte[] blob => BindBlob(statement, index, blob),
            string?[] list => BindStringList(statement, index, list),
            _ => throw new ArgumentException(
                $"Parameter {index1Based}: values of type {value.GetType()} cannot be bound.", nameof(value)),
        };

        if (state != NativeMethods.Success)
        {
            // Binding fails without a message of DuckDB's own, typically for an index out of range.
            var count = NativeMethods.duckdb_nparams(statement);
            throw new DuckDbException(
                $"Could not bind parameter {index1Based} (the statement has {count} parameters) to a {value?.GetType().Name ?? "NULL"} value.");
        }
    }

    private static long ToUtcMicros(DateTime value)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("DateTime parameters must have DateTimeKind.Utc; a local or unspecified time is ambiguous.", nameof(value));
        }

        return Conversions.ToMicros(value.Ticks);
    }

    private static int BindString(PreparedStatementHandle statement, ulong index, string value)
    {
        using var utf8 = new Utf8Buffer(value);
        fixed (byte* p = utf8)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, p, (ulong)utf8.Length);
        }
    }

    private static int BindBlob(PreparedStatementHandle statement, ulong index, byte[] value)
    {
        // A zero-length array still needs a valid pointer.
        fixed (byte* p = value.Length == 0 ? [0] : value)
        {
            return NativeMethods.duckdb_bind_blob(statement, index, p, (ulong)value.Length);
        }
    }

    private static int BindStringList(PreparedStatementHandle statement, ulong index, string?[] values)
    {
        var elements = new nint[values.Length];
        var childType = NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar);
        var list = (nint)0;
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                elements[i] = CreateVarcharValue(values[i]);
            }

            fixed (nint* p = elements)
            {
                list = NativeMethods.duckdb_create_list_value(childType, p, (ulong)values.Length);
            }

            return NativeMethods.duckdb_bind_value(statement, index, list);
        }
        finally
        {
            if (list != 0)
            {
                NativeMethods.duckdb_destroy_value(ref list);
            }

            for (var i = 0; i < elements.Length; i++)
            {
                if (elements[i] != 0)
                {
                    NativeMethods.duckdb_destroy_value(ref elements[i]);
                }
            }

            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    private static nint CreateVarcharValue(string? value)
    {
        if (value is null)
        {
            return NativeMethods.duckdb_create_null_value();
        }

        using var utf8 = new Utf8Buffer(value);
        fixed (byte* p = utf8)
        {
            return NativeMethods.duckdb_create_varchar_length(p, (ulong)utf8.Length);
        }
    }
}
