using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Ingestion;

/// <summary>
/// Ingests export files into the store, each as one transaction: DuckDB reads every column as text,
/// SQL maps, validates and de-duplicates the rows, and the ledger row commits with the file's
/// rows or nothing of the file does (contract §1, §2). A file is staged first (read, checked and
/// classified as far as the file alone decides) into the in-memory work database, then committed
/// (checked against the store, written, recorded). In a run the next files are staged on further
/// connections while the one before is committed, so the work uses every core.
/// </summary>
public sealed class FileIngestor
{
    private const string Ignored = "ignored";
    private const string Duplicate = "duplicate";
    private const string Loaded = "loaded";

    // Strict forms of contract §1: a date, a time of day (hours 00-23), optional fraction, optional offset.
    private const string TimestampPattern =
        @"^(\d{4}-\d{2}-\d{2})[T ]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?)(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$";

    private const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    // A redress_amount of contract §1: an optional '-', digits, optionally '.' and digits (a JSON number
    // arrives as its text, which has this form unless it has an exponent).
    private const string DecimalPattern = @"^-?\d+(\.\d+)?$";

    // What trimming removes from every value: ASCII white space and the no-break space (an empty
    // or blank value is a missing one).
    private const string Whitespace = "(' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160))";

    // A value that starts or ends with one of those characters: trim with a character set costs
    // several times this test, and few values need it.
    private const string EdgeWhitespace = @"'^[ \t\n\x0B\f\r\x{00A0}]|[ \t\n\x0B\f\r\x{00A0}]$'";

    private static readonly string[] StagedColumns =
    [
        CanonicalColumns.Org, CanonicalColumns.CaseRef, CanonicalColumns.EventType, CanonicalColumns.OccurredAt,
        CanonicalColumns.EventId, .. CanonicalColumns.Descriptive, .. CanonicalColumns.Attributes, CanonicalColumns.DueAt,
        CanonicalColumns.CustomerEmail, CanonicalColumns.CustomerPhone,
    ];

    /// <summary>The in-memory database that holds files' staged rows between staging and commit; every connection of the store sees it.</summary>
    private const string WorkDatabase = "ingest_work";

    /// <summary>Connections that stage files beside the one that commits them.</summary>
    private const int StagingLanes = 2;

    private static readonly string[] StagerTempTables =
    [
        "ingest_raw", "ingest_lines", "ingest_rejected_lines", "ingest_event_types", "ingest_org_zones",
        "ingest_reject_errors", "ingest_reject_scans", "ingest_layout",
    ];

    private readonly ComplianceStore _store;
    private readonly IReadOnlyDictionary<string, DateTimeZone> _orgZones;
    private readonly IReadOnlyList<MappingProfile> _profiles;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly IClock _clock;
    private readonly Stager _stager;

    /// <summary>
    /// The last work-table slot taken. Shared by every ingestor of the process, as the work database is:
    /// two ingestors never name a table alike.
    /// </summary>
    private static long lastSlot;

    public FileIngestor(
        ComplianceStore store,
        IReadOnlyDictionary<string, DateTimeZone> orgZones,
        IReadOnlyList<MappingProfile> profiles,
        Pseudonymiser pseudonymiser,
        IClock clock)
    {
        _store = store;
        _orgZones = orgZones;
        _profiles = profiles;
        _pseudonymiser = pseudonymiser;
        _clock = clock;
        Db.Execute($"ATTACH IF NOT EXISTS ':memory:' AS {WorkDatabase}");
        _stager = new Stager(this, Db);
    }

    private DuckDbConnection Db => _store.Connection;

    /// <summary>The profile that applies to a file name: the first that matches, else canonical.</summary>
    public MappingProfile ProfileFor(string fileName) =>
        _profiles.FirstOrDefault(p => p.Matches(fileName)) ?? MappingProfile.Canonical;

    /// <summary>Ingests a file; a file that cannot be read is quarantined, never thrown.</summary>
    /// <exception cref="DuckDbException">The store could not be written; nothing of the file was recorded.</exception>
    public IngestResult Ingest(string path, MappingProfile? profile = null)
    {
        var file = _stager.Stage(path, profile ?? ProfileFor(Path.GetFileName(path)), NextSlot());
        var result = Commit(file);
        DropWorkTables(file.Tables);
        return result;
    }

    /// <summary>
    /// Ingests files in the order given, with the same result as one <see cref="Ingest"/> after another:
    /// the next files are staged on two further connections while one is committed, and each file is checked
    /// against the store (identical bytes, duplicate rows) only when its turn to commit comes.
    /// </summary>
    /// <param name="onFile">Called with each file's result as soon as it is committed.</param>
    /// <exception cref="StoreUnavailableException">The store could not be written; the files before were recorded, that one and the rest were not.</exception>
    public IReadOnlyList<IngestResult> IngestAll(
        IReadOnlyList<string> files, MappingProfile? profile, Action<IngestResult>? onFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var results = new List<IngestResult>(files.Count);
        var laneCount = Math.Clamp(files.Count, 1, StagingLanes);
        var connections = new List<DuckDbConnection>(laneCount);
        // Lane k stages files k, k + lanes, ...; each holds at most one staged file the commit has not taken.
        var lanes = Enumerable.Range(0, laneCount).Select(_ => new BlockingCollection<StagedFile>(1)).ToList();
        var run = new StagingRun(CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        var slots = files.Select(_ => NextSlot()).ToList();
        var committed = 0;
        var staging = new List<Task>(laneCount);
        var interrupt = default(CancellationTokenRegistration);
        var failed = true;
        try
        {
            for (var lane = 0; lane < laneCount; lane++)
            {
                connections.Add(_store.OpenConnection());
            }

            // A stopped run (cancelled, or ending with a failure) interrupts the statement each staging
            // connection is running, so that it need not finish its file. The registration lasts until the
            // lanes have ended (see finally).
            interrupt = run.Stop.Token.Register(() => connections.ForEach(c => c.Interrupt()));
            for (var lane = 0; lane < laneCount; lane++)
            {
                staging.Add(StageLane(lane, laneCount, connections[lane], lanes[lane], files, profile, slots, run));
            }

            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!lanes[i % laneCount].TryTake(out var file, Timeout.Infinite, run.Stop.Token))
                {
                    // Staging failed at this file, after the lane handed over the files before it, as one
                    // file after another would have committed them; that failure is thrown below, once the
                    // run is cleaned up.
                    break;
                }

                committed++;
                IngestResult result;
                try
                {
                    result = Commit(file);
                }
                catch (DuckDbException ex)
                {
                    // Commit quarantines what is wrong with a file; what escapes it is the store's failure.
                    throw new StoreUnavailableException(_store.Path, $"writing {file.Path} failed, so nothing of that file was recorded: {ex.Message}", ex);
                }

                results.Add(result);
                onFile?.Invoke(result);
                try
                {
                    DropWorkTables(file.Tables);
                }
                catch (DuckDbException ex)
                {
                    throw new StoreUnavailableException(_store.Path, $"{file.Path} was recorded, but its work tables could not be dropped: {ex.Message}", ex);
                }
            }

            failed = false;
        }
        finally
        {
            run.Stop.Cancel();
            // The lanes catch their own failures, so this waits without throwing.
            Task.WaitAll([.. staging], CancellationToken.None);
            interrupt.Dispose();
            connections.ForEach(c => c.Dispose());
            lanes.ForEach(l => l.Dispose());
            run.Stop.Dispose();
            // Files staged but not committed (the run stopped) leave their rows behind otherwise.
            foreach (var slot in slots.Skip(committed))
            {
                try
                {
                    DropWorkTables(new WorkTables(slot));
                }
                catch (DuckDbException) when (failed)
                {
                    // The run is ending with its own failure, most likely the store's, which this one repeats.
                }
            }
        }

        if (run.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return results;
    }

    /// <summary>
    /// A run's stop signal, and the first failure of its staging. A failure after the run was stopped is
    /// a consequence of the stop (an interrupted statement), not recorded.
    /// </summary>
    private sealed class StagingRun(CancellationTokenSource stop)
    {
        private Exception? _failure;

        public CancellationTokenSource Stop { get; } = stop;

        public Exception? Failure => Volatile.Read(ref _failure);

        /// <summary>Records the failure; the failing lane stops, the others go on until the commit reaches it.</summary>
        public void Fail(Exception failure)
        {
            if (!Stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref _failure, failure, null);
            }
        }
    }

    private Task StageLane(
        int lane, int laneCount, DuckDbConnection connection, BlockingCollection<StagedFile> staged,
        IReadOnlyList<string> files, MappingProfile? profile, List<long> slots, StagingRun run) =>
        Task.Run(
            () =>
            {
                try
                {
                    var stager = new Stager(this, connection);
                    for (var i = lane; i < files.Count && !run.Stop.IsCancellationRequested; i += laneCount)
                    {
                        staged.Add(stager.Stage(files[i], profile ?? ProfileFor(Path.GetFileName(files[i])), slots[i]), run.Stop.Token);
                    }
                }
                catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
                {
                    // Stopped while waiting for the commit to take a file.
                }
                catch (Exception ex)
                {
                    // Thrown by IngestAll once the files before this one are committed and the run is cleaned up.
                    run.Fail(ex);
                }
                finally
                {
                    staged.CompleteAdding();
                }
            },
            CancellationToken.None);

    private static long NextSlot() => Interlocked.Increment(ref lastSlot);

    /// <summary>
    /// Checks a staged file against the store and writes it in one transaction with its ledger row, or records
    /// why it was not. The caller drops the file's work tables after a success; after a failure they are dropped here.
    /// </summary>
    private IngestResult Commit(StagedFile file)
    {
        try
        {
            return CommitStaged(file);
        }
        catch (DuckDbException ex)
        {
            // The work tables hold the file's rows: drop them if the store still answers. If it does not,
            // they go with the process, and both failures are reported.
            try
            {
                DropWorkTables(file.Tables);
            }
            catch (DuckDbException dropFailure)
            {
                throw new DuckDbException($"{ex.Message} (its work tables could not be dropped either: {dropFailure.Message})", ex);
            }

            throw;
        }
    }

    /// <remarks>
    /// Every DuckDB failure here is the store's: the file's own reading and checking ended in staging.
    /// </remarks>
    private IngestResult CommitStaged(StagedFile file)
    {
        if (file.Unreadable is null && file.Source is null && file.Quarantine is null && !KnownFile(Db, file.Sha256))
        {
            // Staging skipped bytes that were in the ledger then and are not now (a purge ran between).
            file = _stager.Stage(file.Path, file.Profile, file.Tables.Slot);
        }

        if (file.Unreadable is { } unreadable)
        {
            return Record(file, FileStatuses.Quarantined, unreadable);
        }

        // Checked here, against the files committed since the file was staged too.
        if (KnownFile(Db, file.Sha256))
        {
            // As a file skipped before it was staged: the ledger does not depend on when its twin committed.
            return Record(file with { Format = null }, FileStatuses.SkippedDuplicateFile, "the same bytes were ingested before");
        }

        if (file.Source is not { Error: null } source)
        {
            return Record(file, FileStatuses.Quarantined, file.Source?.Error ?? file.Quarantine ?? "the file could not be staged");
        }

        using var transaction = Db.BeginTransaction();
        // The rows the file would load that the store has already: the only part of a row's fate
        // that depends on the files committed before.
        Db.Execute($"""
            CREATE OR REPLACE TEMP TABLE ingest_known AS
            SELECT r.line FROM {file.Tables.Rows} r SEMI JOIN events e ON e.identity = r.identity
            """);
        var fileId = Db.Scalar<long>("SELECT nextval('file_id_seq')");
        var result = Persist(fileId, file, source);
        transaction.Commit();
        return result;
    }

    private static bool KnownFile(DuckDbConnection db, string sha256) =>
        db.Scalar<long>("SELECT count(*) FROM ingest_files WHERE sha256 = $1 AND status = $2", sha256, FileStatuses.Loaded) > 0;

    /// <summary>
    /// Work tables of one file. Staging uses the staged rows (with their clear values), their classification
    /// and the customers' keys, and leaves for the commit the rows the file would load (with customer keys,
    /// never contact details; in no particular order, as every reader of events orders them by file and
    /// line), its rejected rows and its duplicates within the file.
    /// </summary>
    private readonly record struct WorkTables(long Slot)
    {
        public string Staged => Name("staged");

        public string Classified => Name("classified");

        public string CustomerKeysName => "customer_keys_" + Slot.ToString(CultureInfo.InvariantCulture);

        public string CustomerKeys => Name("customer_keys");

        public string Rows => Name("rows");

        public string Rejected => Name("rejected");

        public string Duplicates => Name("duplicates");

        /// <summary>Drops the tables only staging uses.</summary>
        public string DropStaging => $"DROP TABLE IF EXISTS {Staged}; DROP TABLE IF EXISTS {Classified}; DROP TABLE IF EXISTS {CustomerKeys}";

        private string Name(string table) => $"{WorkDatabase}.main.{table}_{Slot.ToString(CultureInfo.InvariantCulture)}";
    }

    private sealed record StagedSource(IReadOnlyList<string> UnknownColumns, IReadOnlyList<string> PersonalFields, string? Error);

    /// <summary>
    /// A file after staging. <paramref name="Unreadable"/> (its bytes could not be read) is recorded before
    /// the identical-bytes check; <paramref name="Quarantine"/> and a <paramref name="Source"/> error after it.
    /// A file whose bytes were ingested before is not staged (Source and Quarantine both null).
    /// </summary>
    /// <param name="Counts">Rows by what the file alone decides: a reject reason, ignored, duplicate, or loaded (before the store's duplicates).</param>
    private sealed record StagedFile(
        string Path, MappingProfile Profile, string Sha256, long Size, string? Format, WorkTables Tables,
        string? Unreadable = null, string? Quarantine = null, StagedSource? Source = null, IReadOnlyDictionary<string, long>? Counts = null)
    {
        public IReadOnlyDictionary<string, long> Counts { get; init; } = Counts ?? new Dictionary<string, long>();
    }

    private static StagedSource Failed(string error) => new([], [], error);

    private IngestResult Persist(long fileId, StagedFile file, StagedSource source)
    {
        var now = _clock.GetCurrentInstant();
        var tables = file.Tables;
        Db.Execute($"""
            INSERT INTO events (org, case_ref, event_type, occurred_at, event_id, channel, category, team, customer_type,
                                outcome, redress_amount, due_at, adr_body, product, root_cause, vulnerable, legal_entity,
                                customer_key, file_id, line, identity)
            SELECT org, case_ref, event_type, occurred_at, event_id, channel, category, team, customer_type,
                   outcome, redress_amount, due_at, adr_body, product, root_cause, vulnerable, legal_entity,
                   customer_key, $1, line, identity
            FROM {tables.Rows} r ANTI JOIN ingest_known k ON k.line = r.line
            """, fileId);
        Db.Execute($"""
            INSERT INTO rejected_rows (file_id, line, reason, field, org, case_ref, event_type, occurred_at, event_id, due_at)
            SELECT $1, line, reason, field, org, case_ref, event_type, occurred_at, event_id, due_at
            FROM {tables.Rejected} ORDER BY line
            """, fileId);
        Db.Execute($"""
            INSERT INTO duplicate_rows (file_id, line, org, case_ref, identity)
            SELECT $1, line, org, case_ref, identity
            FROM (SELECT line, org, case_ref, identity FROM {tables.Duplicates}
                  UNION ALL
                  SELECT r.line, r.org, r.case_ref, r.identity FROM {tables.Rows} r SEMI JOIN ingest_known k ON k.line = r.line)
            ORDER BY line
            """, fileId);

        var known = Db.Scalar<long>("SELECT count(*) FROM ingest_known");
        var counts = file.Counts;
        var rejects = RejectReasons.All.ToDictionary(r => r, r => counts.GetValueOrDefault(r), StringComparer.Ordinal);
        var profile = file.Profile;
        var result = new IngestResult(
            file.Path, file.Sha256, FileStatuses.Loaded, counts.GetValueOrDefault(Loaded) - known, counts.GetValueOrDefault(Duplicate) + known,
            counts.GetValueOrDefault(Ignored), rejects, source.UnknownColumns, source.PersonalFields,
            profile.IsCanonical ? null : profile.Name, null) { FileId = fileId };
        InsertLedger(fileId, result, file.Size, file.Format, now);
        return result;
    }

    private IngestResult Record(StagedFile file, string status, string message)
    {
        var fileId = Db.Scalar<long>("SELECT nextval('file_id_seq')");
        var result = new IngestResult(file.Path, file.Sha256, status, 0, 0, 0, IngestResult.NoRejects, [], [], file.Profile.IsCanonical ? null : file.Profile.Name, message)
        {
            FileId = fileId,
        };
        InsertLedger(fileId, result, file.Size, file.Format, _clock.GetCurrentInstant());
        return result;
    }

    private void InsertLedger(long fileId, IngestResult result, long size, string? format, Instant at)
    {
        Db.Execute("""
            INSERT INTO ingest_files (file_id, path, file_name, sha256, size_bytes, format, profile, status, rows_read, rows_loaded,
                                      rows_duplicate, rows_rejected, rows_ignored, unknown_columns, personal_fields, message, ingested_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, string_split(NULLIF($14, ''), chr(31)),
                    string_split(NULLIF($15, ''), chr(31)), $16, $17)
            """,
            fileId, result.File, Path.GetFileName(result.File), result.Sha256, size, format, result.Profile, result.Status,
            result.RowsRead, result.RowsLoaded, result.RowsDuplicate, result.RowsRejected, result.RowsIgnored,
            string.Join('\u001f', result.UnknownColumns), string.Join('\u001f', result.PersonalFields), result.Message,
            new DuckDbTimestamp(at.ToUnixTimeTicks() / 10));
    }

    private void DropWorkTables(WorkTables tables)
    {
        Db.Execute($"""
            DROP TABLE IF EXISTS temp.ingest_known;
            {tables.DropStaging};
            DROP TABLE IF EXISTS {tables.Rows};
            DROP TABLE IF EXISTS {tables.Rejected};
            DROP TABLE IF EXISTS {tables.Duplicates};
            """);
    }

    /// <summary>
    /// DuckDB's readers take a path as a glob: a file named <c>a?.csv</c> would also read <c>a1.csv</c>.
    /// Each glob character is written as a one-character class so the path names only itself.
    /// </summary>
    internal static string GlobLiteral(string path)
    {
        var text = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
        {
            text.Append(c is '[' or '*' or '?' ? "[" + c + "]" : c.ToString());
        }

        return text.ToString();
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

    /// <summary>
    /// Stages files through one connection: reads a file, checks and classifies its rows as far as the
    /// file alone decides, and leaves them in the work database for <see cref="Commit"/>. Its temporary
    /// tables are its connection's own, so a second stager can run beside the committing connection.
    /// </summary>
    private sealed class Stager
    {
        private readonly FileIngestor _owner;
        private readonly HashSet<string> _zonesLoaded = new(StringComparer.Ordinal);

        public Stager(FileIngestor owner, DuckDbConnection db)
        {
            _owner = owner;
            Db = db;
            ZoneIntervalTable.Create(Db);
            EnsureZones(_owner._orgZones.Values.Concat(_owner._profiles.Select(p => p.TimeZone).OfType<DateTimeZone>()));
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
                using var stream = File.OpenRead(path);
                size = stream.Length;
                sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new StagedFile(path, profile, string.Empty, 0, null, tables, Unreadable: $"the file cannot be read: {ex.Message}");
            }

            // Bytes committed before are not staged again; the commit checks again for files committed since.
            if (KnownFile(Db, sha256))
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
                return new StagedFile(path, profile, sha256, size, format, tables, Source: source, Counts: Prepare(tables));
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

                Db.Execute(tables.DropStaging);
            }
        }

        /// <summary>
        /// Leaves for the commit the rows the file would load, its rejected rows and its duplicates within
        /// the file, and returns the rows' counts by file_fate (loaded for the rows the file would load).
        /// </summary>
        private Dictionary<string, long> Prepare(WorkTables table)
        {
            Db.Execute($"""
                CREATE OR REPLACE TABLE {table.Rows} AS
                SELECT s.org, s.case_ref, c.mapped_type AS event_type, c.occurred_instant AS occurred_at, s.event_id, s.channel,
                       s.category, s.team, s.customer_type, s.outcome, try_cast(s.redress_amount AS DECIMAL(18, 2)) AS redress_amount,
                       c.due_instant AS due_at, s.adr_body, s.product, s.root_cause, lower(s.vulnerable) = 'true' AS vulnerable,
                       s.legal_entity, k.customer_key, c.line, c.identity
                FROM {table.Classified} c
                JOIN {table.Staged} s ON s.line = c.line
                LEFT JOIN {table.CustomerKeys} k
                  ON k.email IS NOT DISTINCT FROM s.customer_email AND k.phone IS NOT DISTINCT FROM s.customer_phone
                WHERE c.file_fate IS NULL
                """);
            Db.Execute($"""
                CREATE OR REPLACE TABLE {table.Rejected} AS
                SELECT c.line, c.file_fate AS reason, c.fault_field AS field, s.org, s.case_ref, s.event_type, s.occurred_at, s.event_id, s.due_at
                FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
                WHERE c.file_fate NOT IN ('{Duplicate}', '{Ignored}')
                ORDER BY c.line
                """);
            Db.Execute($"""
                CREATE OR REPLACE TABLE {table.Duplicates} AS
                SELECT c.line, s.org, s.case_ref, c.identity
                FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
                WHERE c.file_fate = '{Duplicate}'
                ORDER BY c.line
                """);

            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            using var reader = Db.Query($"SELECT coalesce(file_fate, '{Loaded}'), count(*) FROM {table.Classified} GROUP BY ALL");
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

        /// <summary>
        /// CSV: positional text columns c0..cN from DuckDB's reader, malformed records collected in its
        /// rejects table with their record number (the header is line 1).
        /// </summary>
        private StagedSource StageCsv(WorkTables table, string path, MappingProfile profile)
        {
            var (header, error) = ExportHeader.ReadCsv(path);
            if (header is null)
            {
                return Failed(error!);
            }

            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                positions.TryAdd(header[i], i);
            }

            // A header that lacks a required column (after the profile) cannot give a single usable
            // row: the file is quarantined as a whole rather than loaded with every row rejected.
            var missing = CanonicalColumns.Required
                .Where(c => !(c == CanonicalColumns.Org && profile.Org is not null) && !positions.ContainsKey(profile.SourceColumn(c)))
                .Select(profile.SourceColumn)
                .ToList();
            if (missing.Count > 0)
            {
                return Failed($"the header lacks the required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; nothing of it was loaded");
            }

            LoadLayout(CsvLayout.Scan(path, header.Count));
            var columnsSpec = string.Join(", ", Enumerable.Range(0, header.Count).Select(i => $"'c{i}': 'VARCHAR'"));
            Db.Execute("DROP TABLE IF EXISTS temp.ingest_reject_errors; DROP TABLE IF EXISTS temp.ingest_reject_scans;");
            var columnsStruct = "{" + columnsSpec + "}";
            Db.Execute($"""
                CREATE OR REPLACE TEMP TABLE ingest_raw AS
                SELECT * FROM read_csv($1, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"',
                    columns = {columnsStruct}, strict_mode = false, store_rejects = true,
                    rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans',
                    max_line_size = 67108864, buffer_size = 67108864, null_padding = false)
                """, GlobLiteral(path));

            string Expr(string canonical)
            {
                var source = profile.SourceColumn(canonical);
                return positions.TryGetValue(source, out var index) ? $"c{index}" : "NULL";
            }

            return Stage(table, profile, header, positions.ContainsKey, Expr, firstLine: 2, malformedExpr: "false", source: $"SELECT {Ordinal("ingest_raw")} AS ord, * FROM ingest_raw");
        }

        /// <summary>
        /// JSON Lines: DuckDB reads each line as one text value (no quoting, a delimiter that valid
        /// JSON never holds raw), then SQL checks that each is a JSON object and extracts its keys.
        /// </summary>
        private StagedSource StageJsonLines(WorkTables table, string path, MappingProfile profile)
        {
            LoadLayout(new CsvLayout([], []));
            Db.Execute("DROP TABLE IF EXISTS temp.ingest_reject_errors; DROP TABLE IF EXISTS temp.ingest_reject_scans;");
            Db.Execute("""
                CREATE OR REPLACE TEMP TABLE ingest_lines AS
                SELECT * FROM read_csv($1, header = false, auto_detect = false, delim = E'\x01', quote = '', escape = '',
                    columns = {'j': 'VARCHAR'}, strict_mode = false, store_rejects = true,
                    rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans',
                    max_line_size = 67108864, buffer_size = 67108864, null_padding = false)
                """, GlobLiteral(path));
            // json_type fails on text that is not JSON, and AND does not stop it being evaluated: the
            // CASE does. The object's text stays VARCHAR so that no cast can fail either.
            Db.Execute($"""
                CREATE OR REPLACE TEMP TABLE ingest_raw AS
                WITH l AS (
                    SELECT {Ordinal("ingest_lines")} AS ord, j,
                           coalesce(CASE WHEN json_valid(j) THEN json_type(j) = 'OBJECT' END, false) AS is_object
                    FROM ingest_lines
                )
                SELECT ord, j IS NULL AS blank, CASE WHEN is_object THEN j END AS j, NOT is_object AS malformed
                FROM l
                """);
            var keys = new List<string>();
            using (var reader = Db.Query("SELECT DISTINCT unnest(json_keys(j)) AS k FROM ingest_raw WHERE j IS NOT NULL ORDER BY k"))
            {
                while (reader.Read())
                {
                    keys.Add(reader.GetString(0));
                }
            }

            var present = new HashSet<string>(keys, StringComparer.Ordinal);

            // Each line is parsed once for all the keys wanted (one JSON Pointer per key, passed as
            // parameters, never written into the SQL text); a key's value is then an element of v.
            var parameters = new List<object?>();
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var source in StagedColumns.Select(profile.SourceColumn).Where(present.Contains).Distinct())
            {
                parameters.Add("/" + source.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
                slots[source] = parameters.Count;
            }

            string Expr(string canonical) =>
                slots.TryGetValue(profile.SourceColumn(canonical), out var slot) ? $"v[{slot.ToString(CultureInfo.InvariantCulture)}]" : "NULL";

            var paths = string.Join(", ", Enumerable.Range(1, parameters.Count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
            var extract = parameters.Count > 0 ? $"json_extract_string(j, [{paths}])" : "NULL::VARCHAR[]";
            return Stage(table, profile, keys, present.Contains, Expr, firstLine: 1, malformedExpr: "malformed",
                source: $"SELECT *, {extract} AS v FROM ingest_raw WHERE NOT blank", parameters);
        }

        /// <summary>
        /// Builds the staged table: one row per record read, with the record's line, whether it is
        /// malformed, and the canonical columns as trimmed text (empty text is missing).
        /// </summary>
        private StagedSource Stage(
            WorkTables table,
            MappingProfile profile,
            IReadOnlyList<string> sourceColumns,
            Func<string, bool> hasSource,
            Func<string, string> expr,
            int firstLine,
            string malformedExpr,
            string source,
            List<object?>? parameters = null)
        {
            parameters ??= [];
            var selects = new List<string>();
            foreach (var column in StagedColumns)
            {
                if (column == CanonicalColumns.Org && profile.Org is not null)
                {
                    parameters.Add(profile.Org);
                    selects.Add($"${parameters.Count.ToString(CultureInfo.InvariantCulture)}::VARCHAR AS {column}");
                }
                else
                {
                    var value = expr(column);
                    selects.Add($"CASE WHEN regexp_matches({value}, {EdgeWhitespace}) THEN NULLIF(trim({value}, {Whitespace}), '') ELSE NULLIF({value}, '') END AS {column}");
                }
            }

            // The n-th good record's line is n + (firstLine - 1) plus the records before it that gave no row
            // (malformed, or empty CSV lines, which DuckDB skips); good_before is how many good records precede each
            // such line, rejected_before how many such lines there are up to it.
            Db.Execute($"""
                CREATE OR REPLACE TEMP TABLE ingest_rejected_lines AS
                SELECT line - {firstLine} - (n - 1) AS good_before, max(n) AS rejected_before
                FROM (SELECT line, row_number() OVER (ORDER BY line) AS n
                      FROM (SELECT line FROM temp.ingest_reject_errors UNION SELECT line FROM ingest_layout WHERE kind = 'empty'))
                GROUP BY ALL
                """);
            // A record's count is the last rejected_before at or before its ordinal, found by one ordered pass
            // over the ordinals and those lines; an ASOF join would do the same, but DuckDB plans it as a loop
            // join and a grouping over every row.
            Db.Execute($"""
                CREATE OR REPLACE TABLE {table.Staged} AS
                WITH r AS ({source}),
                lines AS (
                    SELECT ord, ord + {firstLine} + coalesce(max(rejected_before) OVER (ORDER BY pos, is_row ROWS UNBOUNDED PRECEDING), 0) AS line
                    FROM (SELECT ord, ord AS pos, true AS is_row, NULL::BIGINT AS rejected_before FROM r
                          UNION ALL
                          SELECT NULL, good_before, false, rejected_before FROM ingest_rejected_lines)
                    QUALIFY is_row
                )
                SELECT lines.line, {malformedExpr} AS malformed, {string.Join(", ", selects)}
                FROM r JOIN lines ON lines.ord = r.ord
                UNION ALL
                SELECT DISTINCT line, true, {string.Join(", ", StagedColumns.Select(c => "NULL"))}
                FROM temp.ingest_reject_errors
                """, [.. parameters]);

            // A record with more fields than the header is malformed: its values may have shifted, so none is kept.
            Db.Execute($"""
                UPDATE {table.Staged} SET malformed = true, {string.Join(", ", StagedColumns.Select(c => c + " = NULL"))}
                WHERE line IN (SELECT line FROM ingest_layout WHERE kind = 'overfull')
                """);

            // A constant org leaves the file's own org column unused, so it is named as unknown.
            var used = new HashSet<string>(
                CanonicalColumns.All.Where(c => c != CanonicalColumns.Org || profile.Org is null).Select(profile.SourceColumn),
                StringComparer.Ordinal);
            var unknown = sourceColumns.Where(c => !used.Contains(c)).Distinct().ToList();
            var personal = CanonicalColumns.Personal.Where(c => hasSource(profile.SourceColumn(c))).ToList();
            return new StagedSource(unknown, personal, null);
        }

        /// <summary>
        /// Gives every staged row what the file alone decides of its fate (file_fate): the first reject
        /// reason that applies (contract §1 order), ignored (an unmapped source event type under
        /// <c>ignore</c>), or duplicate of an earlier line of the file; NULL for a row that is loaded
        /// unless the store has it already, which the commit decides. The classified table also holds the
        /// instants of the row's timestamps and its identity, but no text column of the row: those are
        /// joined from the staged table by line, so that the joins here carry narrow rows.
        /// </summary>
        private void Classify(WorkTables table, MappingProfile profile)
        {
            Db.Execute("CREATE OR REPLACE TEMP TABLE ingest_event_types (source VARCHAR, target VARCHAR)");
            using (var appender = Db.CreateAppender("ingest_event_types"))
            {
                var map = profile.EventTypes ?? EventTypes.All.ToDictionary(t => t, t => t, StringComparer.Ordinal);
                foreach (var (source, target) in map)
                {
                    appender.Append(source).Append(target).EndRow();
                }
            }

            Db.Execute("CREATE OR REPLACE TEMP TABLE ingest_org_zones (org VARCHAR, zone VARCHAR)");
            using (var appender = Db.CreateAppender("ingest_org_zones"))
            {
                foreach (var (org, zone) in _owner._orgZones)
                {
                    appender.Append(org).Append(zone.Id).EndRow();
                }
            }

            var ignoreUnmapped = profile.EventTypes is not null && profile.Unmapped == UnmappedEventTypes.Ignore;

            // One statement, so DuckDB materialises the file's rows once: parse the timestamps, resolve
            // local times through the zone's local-time ranges, give each row its fault, then find the
            // duplicates within the file (the first line of an identity wins).
            Db.Execute($"""
                CREATE OR REPLACE TABLE {table.Classified} AS
                WITH s AS (
                    SELECT st.*, m.target AS mapped_type, oz.org IS NOT NULL AS org_known,
                           coalesce($1, oz.zone) AS zone,
                           regexp_extract(st.occurred_at, '{TimestampPattern}', ['d', 't', 'z']) AS om,
                           regexp_extract(st.due_at, '{TimestampPattern}', ['d', 't', 'z']) AS dm,
                           regexp_full_match(coalesce(st.due_at, ''), '{DatePattern}') AS due_is_date
                    FROM {table.Staged} st
                    LEFT JOIN ingest_event_types m ON m.source = st.event_type
                    LEFT JOIN ingest_org_zones oz ON oz.org = st.org
                ),
                parsed AS (
                    SELECT s.* EXCLUDE (om, dm),
                           CASE WHEN om.d <> '' THEN try_cast(om.d || ' ' || om.t AS TIMESTAMP) END AS occ_local,
                           CASE WHEN om.z = 'Z' THEN 0
                                WHEN om.z <> '' THEN (CASE WHEN om.z[1] = '-' THEN -1 ELSE 1 END)
                                     * (CAST(om.z[2:3] AS BIGINT) * 3600 + CAST(om.z[5:6] AS BIGINT) * 60) END AS occ_offset,
                           CASE WHEN due_is_date THEN try_cast(try_cast(s.due_at AS DATE) + 1 AS TIMESTAMP)
                                WHEN dm.d <> '' THEN try_cast(dm.d || ' ' || dm.t AS TIMESTAMP) END AS due_local,
                           CASE WHEN dm.z = 'Z' THEN 0
                                WHEN dm.z <> '' THEN (CASE WHEN dm.z[1] = '-' THEN -1 ELSE 1 END)
                                     * (CAST(dm.z[2:3] AS BIGINT) * 3600 + CAST(dm.z[5:6] AS BIGINT) * 60) END AS due_offset
                    FROM s
                ),
                resolved AS (
                    SELECT p.*,
                           CASE WHEN occ_offset IS NOT NULL THEN occ_local - to_seconds(occ_offset)
                                WHEN occ_local < zo.prev_local_end THEN occ_local - to_seconds(zo.prev_offset_s)
                                ELSE occ_local - to_seconds(zo.offset_s) END AS occ_utc,
                           CASE WHEN due_offset IS NOT NULL THEN due_local - to_seconds(due_offset)
                                WHEN due_local < zd.prev_local_end THEN due_local - to_seconds(zd.prev_offset_s)
                                ELSE due_local - to_seconds(zd.offset_s) END
                           - CASE WHEN due_is_date THEN INTERVAL 1 MICROSECOND ELSE INTERVAL 0 MICROSECOND END AS due_utc
                    FROM parsed p
                    LEFT JOIN {ZoneIntervalTable.TableName} zo
                      ON zo.zone = p.zone AND zo.bucket = date_trunc('month', CASE WHEN occ_offset IS NULL THEN p.occ_local END)
                     AND p.occ_local >= zo.local_start AND p.occ_local < zo.next_local_start
                    LEFT JOIN {ZoneIntervalTable.TableName} zd
                      ON zd.zone = p.zone AND zd.bucket = date_trunc('month', CASE WHEN due_offset IS NULL THEN p.due_local END)
                     AND p.due_local >= zd.local_start AND p.due_local < zd.next_local_start
                ),
                checked AS (
                    SELECT line, mapped_type,
                           CASE
                             WHEN malformed THEN '{RejectReasons.MalformedRow}'
                             WHEN $2 AND event_type IS NOT NULL AND mapped_type IS NULL THEN '{Ignored}'
                             WHEN org IS NULL OR case_ref IS NULL OR event_type IS NULL OR occurred_at IS NULL THEN '{RejectReasons.MissingField}'
                             WHEN mapped_type IS NULL THEN '{RejectReasons.UnknownEventType}'
                             WHEN occ_local IS NULL THEN '{RejectReasons.BadTimestamp}'
                             WHEN NOT org_known THEN '{RejectReasons.UnknownOrg}'
                             WHEN occ_utc IS NULL THEN '{RejectReasons.BadTimestamp}'
                             WHEN mapped_type = '{EventTypes.DeadlineExtended}' AND due_utc IS NULL THEN '{RejectReasons.BadDueAt}'
                             WHEN vulnerable IS NOT NULL AND lower(vulnerable) NOT IN ('true', 'false') THEN '{RejectReasons.BadValue}'
                             WHEN redress_amount IS NOT NULL AND NOT (regexp_full_match(redress_amount, '{DecimalPattern}')
                                  AND try_cast(redress_amount AS DECIMAL(18, 2)) IS NOT NULL) THEN '{RejectReasons.BadValue}'
                           END AS fault,
                           CASE
                             WHEN malformed THEN NULL
                             WHEN org IS NULL THEN 'org' WHEN case_ref IS NULL THEN 'case_ref'
                             WHEN event_type IS NULL THEN 'event_type' WHEN occurred_at IS NULL THEN 'occurred_at'
                             WHEN mapped_type IS NULL THEN 'event_type'
                             WHEN occ_local IS NULL THEN 'occurred_at'
                             WHEN NOT org_known THEN 'org'
                             WHEN occ_utc IS NULL THEN 'occurred_at'
                             WHEN mapped_type = '{EventTypes.DeadlineExtended}' AND due_utc IS NULL THEN 'due_at'
                             WHEN vulnerable IS NOT NULL AND lower(vulnerable) NOT IN ('true', 'false') THEN 'vulnerable'
                             WHEN redress_amount IS NOT NULL AND NOT (regexp_full_match(redress_amount, '{DecimalPattern}')
                                  AND try_cast(redress_amount AS DECIMAL(18, 2)) IS NOT NULL) THEN 'redress_amount'
                           END AS fault_field,
                           -- make_timestamptz(micros) reinterprets a UTC timestamp; a cast would go through ICU's calendar.
                           make_timestamptz(epoch_us(occ_utc)) AS occurred_instant,
                           CASE WHEN mapped_type = '{EventTypes.DeadlineExtended}' THEN make_timestamptz(epoch_us(due_utc)) END AS due_instant,
                           md5_number(CASE WHEN event_id IS NOT NULL THEN to_json(['id', org, event_id])
                                      ELSE to_json(['key', org, case_ref, mapped_type, CAST(epoch_us(occ_utc) AS VARCHAR)]) END) AS identity
                    FROM resolved r
                ),
                firsts AS (
                    -- Narrow on purpose: the first line of each identity, not a window over every column.
                    SELECT identity, min(line) AS first_line FROM checked WHERE fault IS NULL GROUP BY identity
                )
                SELECT c.* EXCLUDE (fault),
                       CASE WHEN fault IS NOT NULL THEN fault
                            WHEN c.line > f.first_line THEN '{Duplicate}' END AS file_fate
                FROM checked c
                LEFT JOIN firsts f ON f.identity = c.identity
                """, profile.TimeZone?.Id, ignoreUnmapped);
        }

        /// <summary>
        /// A row's 0-based position in a table one statement created. Such a table's rowids need not
        /// start at 0 (DuckDB numbers transaction-local rows from a large base), but they are consecutive
        /// in the order the reader produced the rows.
        /// </summary>
        private static string Ordinal(string table) => $"(rowid - (SELECT min(rowid) FROM {table}))";

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
        /// Computes customer_key for each distinct (email, phone) pair of the rows the file may load, in C#,
        /// where the HMAC key lives; the clear values exist only in the work tables of the file.
        /// </summary>
        private void PseudonymiseCustomers(WorkTables table)
        {
            var pairs = new List<(string? Email, string? Phone)>();
            using (var reader = Db.Query($"""
                SELECT DISTINCT s.customer_email, s.customer_phone
                FROM {table.Classified} c JOIN {table.Staged} s ON s.line = c.line
                WHERE c.file_fate IS NULL AND (s.customer_email IS NOT NULL OR s.customer_phone IS NOT NULL)
                """))
            {
                while (reader.Read())
                {
                    pairs.Add((reader.IsNull(0) ? null : reader.GetString(0), reader.IsNull(1) ? null : reader.GetString(1)));
                }
            }

            Db.Execute($"CREATE OR REPLACE TABLE {table.CustomerKeys} (email VARCHAR, phone VARCHAR, customer_key VARCHAR)");
            using var appender = Db.CreateAppender(table.CustomerKeysName, null, WorkDatabase);
            foreach (var (email, phone) in pairs)
            {
                var identifier = Pseudonymiser.NormaliseEmail(email) ?? Pseudonymiser.NormalisePhone(phone);
                appender.Append(email).Append(phone).Append(identifier is null ? null : _owner._pseudonymiser.KeyFor(identifier)).EndRow();
            }
        }
    }
}
