using System.Reflection;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Store;

/// <summary>
/// The embedded DuckDB store: one file, one writing process. DuckDB locks the file, so a second
/// process that opens a store in use fails at once; that failure is turned into a message that
/// names the store.
/// </summary>
public sealed class ComplianceStore : IDisposable
{
    private readonly DuckDbDatabase _database;

    private readonly StoreResources _resources;

    private ComplianceStore(string path, DuckDbDatabase database, DuckDbConnection connection, StoreResources resources)
    {
        Path = path;
        _resources = resources;
        _database = database;
        Connection = connection;
    }

    /// <summary>The database file's path as given when opened.</summary>
    public string Path { get; }

    /// <summary>
    /// The one connection this process writes through. Internal: other assemblies go through Store types;
    /// inside the product the architecture test keeps it to the Store and the layers that stream rows.
    /// </summary>
    internal DuckDbConnection Connection { get; }

    /// <summary>Opens (and creates or upgrades) the store; <paramref name="resources"/> bound DuckDB's memory and threads.</summary>
    public static ComplianceStore Open(string path, bool readOnly = false, StoreResources? resources = null)
    {
        resources ??= StoreResources.Default;
        ArgumentException.ThrowIfNullOrEmpty(path);
        var inMemory = path == ":memory:";
        if (!inMemory)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            try
            {
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException(path, $"its folder cannot be created ({ex.Message})", ex);
            }
        }

        var config = new Dictionary<string, string>(StringComparer.Ordinal) { ["memory_limit"] = resources.MemoryLimit };
        if (resources.Threads is { } threads)
        {
            config["threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (readOnly && !inMemory)
        {
            config["access_mode"] = "READ_ONLY";
        }

        DuckDbDatabase database;
        try
        {
            database = DuckDbDatabase.Open(inMemory ? ":memory:" : path, config);
        }
        catch (DuckDbException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreInUseException(path, ex);
        }
        catch (DuckDbException ex)
        {
            // E.g. a read-only folder or file: say which store, not only DuckDB's words.
            throw new StoreUnavailableException(path, "it cannot be opened: " + ex.Message, ex);
        }

        var connection = database.Connect();
        try
        {
            Configure(connection, resources);
            if (!readOnly)
            {
                connection.Execute(Schema);
            }

            return new ComplianceStore(path, database, connection, resources);
        }
        catch (DuckDbException ex)
        {
            connection.Dispose();
            database.Dispose();
            throw new StoreUnavailableException(path, "its schema cannot be written: " + ex.Message, ex);
        }
        catch
        {
            connection.Dispose();
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A further connection to the same database, for work that runs beside the main connection's
    /// (reading the next export while the one before is written). The caller disposes it.
    /// </summary>
    internal DuckDbConnection OpenConnection()
    {
        var connection = _database.Connect();
        try
        {
            Configure(connection, _resources);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Settings every connection gets as it opens. Instants are read and written as UTC; local dates are
    /// always computed in C# (TimeZone needs ICU, which is only loaded once a connection exists). The memory
    /// limit and threads are the database's, given again so that no connection runs without them.
    /// </summary>
    private static void Configure(DuckDbConnection connection, StoreResources resources)
    {
        // SET takes no parameters; both values were checked against a strict pattern by StoreResources.
        connection.Execute("SET TimeZone = 'UTC'; SET memory_limit = '" + resources.MemoryLimit + "'"
            + (resources.Threads is { } threads ? "; SET threads = " + threads.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty));
    }

    /// <summary>
    /// Settings for an ingestion run, many small commits in a row (their reasons are in
    /// <c>ComplianceStore.IngestRunSettings.sql</c>); <see cref="ResetIngestRunSettings"/> puts them back.
    /// </summary>
    public void UseIngestRunSettings() => Connection.Execute(StoreSql.Get("ComplianceStore.IngestRunSettings"));

    /// <summary>
    /// Puts the checkpoint threshold and thread count back. After a failure the run's own exception is what the
    /// caller must see: a store that refuses the reset as well (it is failing) adds nothing to it.
    /// </summary>
    public void ResetIngestRunSettings(bool afterFailure)
    {
        // The store is opened without either setting, so their defaults are what was there before.
        foreach (var setting in new[] { "checkpoint_threshold", "threads" })
        {
            try
            {
                Connection.Execute("RESET " + setting);
            }
            catch (DuckDbException) when (afterFailure)
            {
                // The original failure propagates; see the summary.
            }
        }
    }

    /// <summary>Writes the WAL into the database file and frees deleted space.</summary>
    public void Checkpoint() => Connection.Execute("CHECKPOINT");

    /// <summary>Closes the store's connection and the database.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        _database.Dispose();
    }

    private static string Schema { get; } = ReadSchema();

    private static string ReadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ComplianceAnalytics.Store.schema.sql")
            ?? throw new InvalidOperationException("The store schema is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Another process holds the store.</summary>
public sealed class StoreInUseException(string path, Exception inner)
    : Exception($"The store {path} is in use by another process (only one process may write to it): {inner.Message}", inner)
{
    /// <summary>The database file's path.</summary>
    public string StorePath { get; } = path;
}

/// <summary>
/// The store cannot be opened or written: a read-only or missing folder, a full disk. Nothing of
/// the work in hand was committed; the message names the store and DuckDB's reason.
/// </summary>
public sealed class StoreUnavailableException(string path, string reason, Exception inner)
    : Exception($"The store {path} is not usable: {reason}", inner)
{
    /// <summary>The database file's path.</summary>
    public string StorePath { get; } = path;
}
