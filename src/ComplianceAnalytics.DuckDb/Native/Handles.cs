using System.Runtime.InteropServices;

namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>Base for handles whose invalid value is a null pointer.</summary>
internal abstract class DuckDbHandle : SafeHandle
{
    protected DuckDbHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;
}

internal sealed class DatabaseHandle : DuckDbHandle
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_close(ref h);
        return true;
    }
}

internal sealed class ConnectionHandle : DuckDbHandle
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_disconnect(ref h);
        return true;
    }
}

internal sealed class PreparedStatementHandle : DuckDbHandle
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_prepare(ref h);
        return true;
    }
}

internal sealed class AppenderHandle : DuckDbHandle
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        // Destroy also closes (flushes); its failure cannot be reported from a release.
        NativeMethods.duckdb_appender_destroy(ref h);
        return true;
    }
}

internal sealed class DataChunkHandle : DuckDbHandle
{
    public DataChunkHandle(nint chunk) => SetHandle(chunk);

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref h);
        return true;
    }
}

/// <summary>
/// A duckdb_result is a struct the caller owns: this handle holds an unmanaged allocation for it and
/// destroys the result (which is safe even if DuckDB never filled it) before freeing the memory.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    public ResultHandle() => SetHandle((nint)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct)));

    /// <summary>Next chunk of the result, or null when it is exhausted.</summary>
    public DataChunkHandle? FetchChunk()
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            var chunk = NativeMethods.duckdb_fetch_chunk(*(DuckDbResultStruct*)handle);
            return chunk == 0 ? null : new DataChunkHandle(chunk);
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
