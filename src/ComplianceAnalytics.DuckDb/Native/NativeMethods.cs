using System.Reflection;
using System.Runtime.InteropServices;

namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>The subset of DuckDB's C API (duckdb.h, 1.5) that this binding uses.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "duckdb";

    // A static constructor (not beforefieldinit) guarantees the resolver is registered exactly once,
    // before the first P/Invoke of this class runs.
    static NativeMethods() => NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
        {
            return 0;
        }

        var overridePath = Environment.GetEnvironmentVariable("DUCKDB_LIBRARY");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return NativeLibrary.Load(overridePath);
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, "libduckdb.so");
        // Falling back to the default probing keeps other platforms and system installs working.
        return File.Exists(bundled) ? NativeLibrary.Load(bundled) : 0;
    }

    internal const int Success = 0;

    // ---- open / connect ----
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_open_ext(string? path, out DatabaseHandle database, nint config, out nint error);

    [LibraryImport(Library)]
    internal static partial nint duckdb_create_instance_cache();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_get_or_create_from_cache(nint cache, string path, out DatabaseHandle database, nint config, out nint error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref nint database);

    [LibraryImport(Library)]
    internal static partial int duckdb_connect(DatabaseHandle database, out ConnectionHandle connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref nint connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(nint pointer);

    // ---- configuration ----
    [LibraryImport(Library)]
    internal static partial int duckdb_create_config(out nint config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_set_config(nint config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref nint config);

    // ---- results ----
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_query(ConnectionHandle connection, string query, ResultHandle result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(nint result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_result_error(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_name(ResultHandle result, ulong column);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_logical_type(ResultHandle result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(ResultHandle result);

    // duckdb_fetch_chunk takes the duckdb_result struct by value.
    [LibraryImport(Library)]
    internal static partial nint duckdb_fetch_chunk(DuckDbResultStruct result);

    // ---- logical types ----
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(nint logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(nint logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_type_child_type(nint logicalType);

    [LibraryImport(Library)]
    internal static partial nint duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref nint logicalType);

    // ---- data chunks and vectors ----
    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref nint chunk);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);

    [LibraryImport(Library)]
    internal static partial nint duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_vector_get_child(nint vector);

    // ---- prepared statements ----
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_prepare(ConnectionHandle connection, string query, out PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref nint statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial int duckdb_clear_bindings(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial int duckdb_execute_prepared(PreparedStatementHandle statement, ResultHandle result);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_null(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_boolean(PreparedStatementHandle statement, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_int32(PreparedStatementHandle statement, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_int64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_double(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_decimal(PreparedStatementHandle statement, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_date(PreparedStatementHandle statement, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_timestamp(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_timestamp_tz(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_varchar_length(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_blob(PreparedStatementHandle statement, ulong index, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial int duckdb_bind_value(PreparedStatementHandle statement, ulong index, nint value);

    // ---- values (for LIST parameters and exact DECIMAL appends) ----
    [LibraryImport(Library)]
    internal static partial nint duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial nint duckdb_create_null_value();

    [LibraryImport(Library)]
    internal static partial nint duckdb_create_list_value(nint childType, nint* values, ulong count);

    [LibraryImport(Library)]
    internal static partial nint duckdb_create_decimal(DuckDbDecimalStruct value);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref nint value);

    // ---- appender ----
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int duckdb_appender_create_ext(ConnectionHandle connection, string? catalog, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial nint duckdb_appender_error(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_appender_flush(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_appender_close(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_appender_clear(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_appender_destroy(ref nint appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_appender_end_row(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_null(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_bool(AppenderHandle appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_int32(AppenderHandle appender, int value);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_int64(AppenderHandle appender, long value);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_double(AppenderHandle appender, double value);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_date(AppenderHandle appender, int days);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_timestamp(AppenderHandle appender, long micros);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_varchar_length(AppenderHandle appender, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial int duckdb_append_value(AppenderHandle appender, nint value);

    internal static string? ReadUtf8(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);
}

/// <summary>duckdb_result: six pointer-sized fields, allocated by us and filled by DuckDB.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary>duckdb_decimal: uint8 width, uint8 scale, then a duckdb_hugeint at offset 8 (24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public ulong Lower;
    public long Upper;
}
