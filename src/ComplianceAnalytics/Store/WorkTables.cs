using System.Globalization;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Store;

/// <summary>
/// Work tables of one file being ingested, in the in-memory work database every connection of the store sees.
/// Staging fills the staged rows (with their clear values), their classification, the customers' keys, the file's
/// rejected rows and its duplicates within the file; the commit loads the rows from the staged and classified rows
/// and the keys (never contact details) in one pass, so that the file's rows are not copied once more between.
/// Names are built from constants and the slot only, so they can be written into SQL text.
/// </summary>
public readonly record struct WorkTables(long Slot)
{
    /// <summary>The in-memory database that holds files' staged rows between staging and commit.</summary>
    public const string Database = "ingest_work";

    /// <summary>The staged rows: line, malformed, and the canonical columns as trimmed text.</summary>
    public string Staged => Name("staged");

    /// <summary>Each staged row's fate as far as the file decides it, its instants and identity.</summary>
    public string Classified => Name("classified");

    /// <summary>The customer keys table's name without its database, for the appender.</summary>
    public string CustomerKeysName => "customer_keys_" + Slot.ToString(CultureInfo.InvariantCulture);

    /// <summary>Customer keys of the file's (email, phone) pairs.</summary>
    public string CustomerKeys => Name("customer_keys");

    /// <summary>The file's rejected rows.</summary>
    public string Rejected => Name("rejected");

    /// <summary>The file's duplicates within itself.</summary>
    public string Duplicates => Name("duplicates");

    /// <summary>Attaches the work database to the store's database if it is not yet (every connection then sees it).</summary>
    public static void Attach(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("WorkTables.Attach"));
    }

    /// <summary>Drops the tables only staging uses.</summary>
    public void DropStaging(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(StoreSql.Get("WorkTables.DropStaging", this));
    }

    /// <summary>Drops every table of the file, and the commit's list of rows the store had already.</summary>
    public void DropAll(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        DropStaging(store.Connection);
        store.Connection.Execute(StoreSql.Get("WorkTables.Drop", this));
    }

    private string Name(string table) => $"{Database}.main.{table}_{Slot.ToString(CultureInfo.InvariantCulture)}";
}
