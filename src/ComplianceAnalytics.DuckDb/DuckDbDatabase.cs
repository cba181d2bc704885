using ComplianceAnalytics.DuckDb.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>An open DuckDB database (in-memory or a file).</summary>
public sealed class DuckDbDatabase : IDisposable
{
    /// <summary>
    /// Without DuckDB's instance cache, two opens of one file in this process would be two independent
    /// instances writing the same file (file locks are per process, so nothing would stop them). The cache
    /// lives as long as the process; it only holds weak references to the instances.
    /// </summary>
    private static readonly nint InstanceCache = NativeMethods.duckdb_create_instance_cache();

    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle) => _handle = handle;

    /// <summary>
    /// Opens <paramref name="path"/> (":memory:" or null for a new in-memory database) with optional DuckDB
    /// configuration options such as <c>threads</c>, <c>memory_limit</c> or <c>access_mode</c>. Opening a file
    /// that is already open in this process shares that instance (the configuration must then match); a file
    /// locked by another process fails with DuckDB's message.
    /// </summary>
    public static DuckDbDatabase Open(string? path, IReadOnlyDictionary<string, string>? config = null)
    {
        var nativeConfig = CreateConfig(config);
        DatabaseHandle handle;
        nint error;
        int state;
        try
        {
            state = path is null or "" or ":memory:"
                ? NativeMethods.duckdb_open_ext(path, out handle, nativeConfig, out error)
                : NativeMethods.duckdb_get_or_create_from_cache(InstanceCache, path, out handle, nativeConfig, out error);
        }
        finally
        {
            if (nativeConfig != 0)
            {
                NativeMethods.duckdb_destroy_config(ref nativeConfig);
            }
        }

        if (state == NativeMethods.Success)
        {
            return new DuckDbDatabase(handle);
        }

        handle.Dispose();
        string? message;
        try
        {
            message = NativeMethods.ReadUtf8(error);
        }
        finally
        {
            NativeMethods.duckdb_free(error);
        }

        throw new DuckDbException(message ?? $"Could not open DuckDB database '{path}'.");
    }

    private static nint CreateConfig(IReadOnlyDictionary<string, string>? config)
    {
        if (config is null || config.Count == 0)
        {
            return 0;
        }

        if (NativeMethods.duckdb_create_config(out var nativeConfig) != NativeMethods.Success)
        {
            throw new DuckDbException("Could not create a DuckDB configuration.");
        }

        foreach (var (name, value) in config)
        {
            if (NativeMethods.duckdb_set_config(nativeConfig, name, value) != NativeMethods.Success)
            {
                NativeMethods.duckdb_destroy_config(ref nativeConfig);
                // duckdb_set_config reports no message of its own.
                throw new DuckDbException($"Invalid DuckDB configuration option '{name}' = '{value}'.");
            }
        }

        return nativeConfig;
    }

    /// <summary>Opens a new connection; each connection has its own transaction state.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (NativeMethods.duckdb_connect(_handle, out var connection) != NativeMethods.Success)
        {
            connection.Dispose();
            throw new DuckDbException("Could not connect to the DuckDB database.");
        }

        return new DuckDbConnection(connection);
    }

    public void Dispose() => _handle.Dispose();
}
