using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Ingestion;

/// <summary>
/// Stages files through one connection: reads a file, checks and classifies its rows as far as the
/// file alone decides, and leaves them in the work database for the commit (<see cref="FileRows"/>). Its
/// temporary tables are its connection's own, so a second stager can run beside the committing connection.
/// By concern: reading CSV and JSON Lines (Stager.Readers.cs), line numbers and trimming (Stager.Lines.cs),
/// classification (Stager.Classify.cs), hashing and customer keys (Stager.Hashing.cs).
/// </summary>
internal sealed partial class Stager
{
    private static readonly string[] StagerTempTables =
    [
        "ingest_raw", "ingest_lines", "ingest_rejected_lines", "ingest_event_types", "ingest_org_zones",
        "ingest_reject_errors", "ingest_reject_scans", "ingest_layout",
    ];

    private readonly IReadOnlyDictionary<string, DateTimeZone> _orgZones;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly HashSet<string> _zonesLoaded = new(StringComparer.Ordinal);

    public Stager(DuckDbConnection db, IReadOnlyDictionary<string, DateTimeZone> orgZones, IReadOnlyList<MappingProfile> profiles, Pseudonymiser pseudonymiser)
    {
        Db = db;
        _orgZones = orgZones;
        _pseudonymiser = pseudonymiser;
        ZoneIntervalTable.Create(Db);
        EnsureZones(orgZones.Values.Concat(profiles.Select(p => p.TimeZone).OfType<DateTimeZone>()));
    }

    private DuckDbConnection Db { get; }

    /// <summary>Stages a file; what is wrong with the file is returned in the result, never thrown.</summary>
    public StagedFile Stage(string path, MappingProfile profile, long slot)
    {
        var tables = new WorkTables(slot);
        string sha256;
        long size;
        try
        {
            (sha256, size) = HashFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new StagedFile(path, profile, string.Empty, 0, null, tables, Unreadable: $"the file cannot be read: {ex.Message}");
        }

        // Bytes committed before are not staged again; the commit checks again for files committed since.
        if (IngestLedger.IsLoaded(Db, sha256))
        {
            return new StagedFile(path, profile, sha256, size, null, tables);
        }

        var format = profile.Format ?? Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".jsonl" or ".ndjson" => "jsonl",
            _ => null,
        };
        if (format is null)
        {
            return new StagedFile(path, profile, sha256, size, null, tables, Quarantine: "not a CSV (.csv) or JSON Lines (.jsonl, .ndjson) file");
        }

        var complete = false;
        try
        {
            if (profile.TimeZone is { } zone)
            {
                EnsureZones([zone]);
            }

            var source = format == "csv" ? StageCsv(tables, path, profile) : StageJsonLines(tables, path, profile);
            if (source.Error is not null)
            {
                return new StagedFile(path, profile, sha256, size, format, tables, Source: source);
            }

            Classify(tables, profile);
            PseudonymiseCustomers(tables);
            var counts = Prepare(tables);
            complete = true;
            return new StagedFile(path, profile, sha256, size, format, tables, Source: source, Counts: counts);
        }
        catch (DuckDbException ex)
        {
            return new StagedFile(path, profile, sha256, size, format, tables,
                Quarantine: $"the file could not be read ({ErrorKind(ex.Message)}); nothing of it was loaded");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // E.g. removed or locked after it was hashed: the file's failure, not the run's.
            return new StagedFile(path, profile, sha256, size, format, tables, Quarantine: $"the file cannot be read: {ex.Message}");
        }
        finally
        {
            foreach (var table in StagerTempTables)
            {
                Db.Execute($"DROP TABLE IF EXISTS temp.{table}");
            }

            // A staged file keeps its work tables for the commit, which loads its rows from them.
            if (!complete)
            {
                tables.DropStaging(Db);
            }
        }
    }

    /// <summary>
    /// Leaves for the commit the file's rejected rows and its duplicates within the file, beside the staged and
    /// classified rows the commit loads from, and returns the rows' counts by file_fate (loaded for the rows the
    /// file would load).
    /// </summary>
    private Dictionary<string, long> Prepare(WorkTables table)
    {
        Db.Execute($"""
            CREATE OR REPLACE TABLE {table.Rejected} AS
            SELECT c.line, c.file_fate AS reason, c.fault_field AS field, s.org, s.case_ref, s.event_type, s.occurred_at, s.event_id, s.due_at
            FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
            WHERE c.file_fate NOT IN ('{FileFates.Duplicate}', '{FileFates.Ignored}')
            ORDER BY c.line
            """);
        Db.Execute($"""
            CREATE OR REPLACE TABLE {table.Duplicates} AS
            SELECT c.line, s.org, s.case_ref, c.identity
            FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
            WHERE c.file_fate = '{FileFates.Duplicate}'
            ORDER BY c.line
            """);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = Db.Query($"SELECT coalesce(file_fate, '{FileFates.Loaded}'), count(*) FROM {table.Classified} GROUP BY ALL");
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Loads the local-time intervals of zones not loaded yet.</summary>
    private void EnsureZones(IEnumerable<DateTimeZone> zones)
    {
        var missing = zones.Where(z => !_zonesLoaded.Contains(z.Id)).DistinctBy(z => z.Id).ToList();
        if (missing.Count > 0)
        {
            ZoneIntervalTable.Add(Db, missing);
            _zonesLoaded.UnionWith(missing.Select(z => z.Id));
        }
    }

    private void LoadLayout(CsvLayout layout)
    {
        Db.Execute("CREATE OR REPLACE TEMP TABLE ingest_layout (line BIGINT, kind VARCHAR)");
        using var appender = Db.CreateAppender("ingest_layout");
        foreach (var line in layout.EmptyLines)
        {
            appender.Append(line).Append("empty").EndRow();
        }

        foreach (var line in layout.OverfullLines)
        {
            appender.Append(line).Append("overfull").EndRow();
        }
    }

    /// <summary>
    /// The kind of a DuckDB error ("Invalid Input Error"), never its text: DuckDB quotes the offending
    /// input, which may be personal data, and the message goes to the ledger, the logs and the packs.
    /// </summary>
    private static string ErrorKind(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < 60 ? message[..colon].Trim() : "DuckDB error";
    }
}
