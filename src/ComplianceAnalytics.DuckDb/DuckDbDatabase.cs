using DuckDB.NET.Data;

namespace ComplianceAnalytics.DuckDb;

/// <summary>An open DuckDB database (in-memory or a file).</summary>
public sealed class DuckDbDatabase : IDisposable
{
    // The first connection keeps the database open. Further connections to a file share its instance
    // through DuckDB.NET's connection manager; an in-memory database is shared by duplicating the first
    // connection (a second ":memory:" connection string would be a new, empty database).
    private readonly DuckDBConnection _root;
    private readonly bool _inMemory;

    private DuckDbDatabase(DuckDBConnection root, bool inMemory)
    {
        _root = root;
        _inMemory = inMemory;
    }

    /// <summary>
    /// Opens <paramref name="path"/> (":memory:" or null for a new in-memory database) with optional DuckDB
    /// configuration options such as <c>threads</c>, <c>memory_limit</c> or <c>access_mode</c>. Opening a file
    /// that is already open in this process shares that instance (the configuration must then match); a file
    /// locked by another process fails with DuckDB's message.
    /// </summary>
    public static DuckDbDatabase Open(string? path, IReadOnlyDictionary<string, string>? config = null)
    {
        var inMemory = path is null or "" or ":memory:";
        var builder = new DuckDBConnectionStringBuilder { DataSource = inMemory ? ":memory:" : path! };
        var root = new DuckDBConnection();
        try
        {
            foreach (var (name, value) in config ?? new Dictionary<string, string>())
            {
                builder[name] = value;
            }

            root.ConnectionString = builder.ConnectionString;
            DuckDbException.Translate(root.Open);
            return new DuckDbDatabase(root, inMemory);
        }
        catch (InvalidOperationException ex)
        {
            // The provider reports an unknown or invalid configuration option this way.
            root.Dispose();
            throw new DuckDbException(ex.Message, ex);
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>Opens a new connection; each connection has its own transaction state.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_root.State != System.Data.ConnectionState.Open, this);
        var connection = _inMemory ? _root.Duplicate() : new DuckDBConnection(_root.ConnectionString);
        try
        {
            DuckDbException.Translate(connection.Open);
            return new DuckDbConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the first connection, which held the database open; no new connection can be opened after it.</summary>
    public void Dispose() => _root.Dispose();
}
