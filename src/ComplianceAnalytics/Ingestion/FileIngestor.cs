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
/// classified as far as the file alone decides; <see cref="Stager"/>) into the in-memory work database,
/// then committed (checked against the store, written, recorded; <see cref="FileRows"/> and
/// <see cref="IngestLedger"/>). In a run the next files are staged on further connections while the one
/// before is committed, so the work uses every core (FileIngestor.Lanes.cs).
/// </summary>
public sealed partial class FileIngestor
{
    private readonly ComplianceStore _store;
    private readonly IReadOnlyDictionary<string, DateTimeZone> _orgZones;
    private readonly IReadOnlyList<MappingProfile> _profiles;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly IClock _clock;

    /// <summary>
    /// The last work-table slot taken. Shared by every ingestor of the process, as the work database is:
    /// two ingestors never name a table alike.
    /// </summary>
    private static long lastSlot;

    /// <summary>An ingestor into <paramref name="store"/>: organisations' time zones for local times, the mapping profiles, the pseudonymiser for customer keys, the clock for the ledger's times.</summary>
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
        WorkTables.Attach(store);
    }

    /// <summary>The profile that applies to a file name: the first that matches, else canonical.</summary>
    public MappingProfile ProfileFor(string fileName) =>
        _profiles.FirstOrDefault(p => p.Matches(fileName)) ?? MappingProfile.Canonical;

    /// <summary>Ingests a file; a file that cannot be read is quarantined, never thrown.</summary>
    /// <exception cref="DuckDbException">The store could not be written; nothing of the file was recorded.</exception>
    public IngestResult Ingest(string path, MappingProfile? profile = null)
    {
        var file = StageAlone(path, profile ?? ProfileFor(Path.GetFileName(path)), NextSlot());
        var result = Commit(file);
        DropWorkTables(file.Tables);
        return result;
    }

    private Stager NewStager(DuckDbConnection connection) => new(connection, _orgZones, _profiles, _pseudonymiser);

    /// <summary>Stages one file on a connection of its own: staging works in the work database, never on the store's connection.</summary>
    private StagedFile StageAlone(string path, MappingProfile profile, long slot)
    {
        using var connection = _store.OpenConnection();
        return NewStager(connection).Stage(path, profile, slot);
    }

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
        if (file.Unreadable is null && file.Source is null && file.Quarantine is null && !IngestLedger.IsLoaded(_store.Connection, file.Sha256))
        {
            // Staging skipped bytes that were in the ledger then and are not now (a purge ran between).
            file = StageAlone(file.Path, file.Profile, file.Tables.Slot);
        }

        if (file.Unreadable is { } unreadable)
        {
            return Record(file, FileStatuses.Quarantined, unreadable);
        }

        // Checked here, against the files committed since the file was staged too.
        if (IngestLedger.IsLoaded(_store.Connection, file.Sha256))
        {
            // As a file skipped before it was staged: the ledger does not depend on when its twin committed.
            return Record(file with { Format = null }, FileStatuses.SkippedDuplicateFile, "the same bytes were ingested before");
        }

        if (file.Source is not { Error: null } source)
        {
            return Record(file, FileStatuses.Quarantined, file.Source?.Error ?? file.Quarantine ?? "the file could not be staged");
        }

        IngestResult? result = null;
        FileRows.Commit(_store, file.Tables, (fileId, known) =>
        {
            result = Loaded(fileId, file, source, known);
            return LedgerEntryOf(result, file);
        });
        return result!;
    }

    /// <summary>The result of a loaded file, given the rows of it the store had already (<paramref name="known"/>).</summary>
    private static IngestResult Loaded(long fileId, StagedFile file, StagedSource source, long known)
    {
        var counts = file.Counts;
        var rejects = RejectReasons.All.ToDictionary(r => r, r => counts.GetValueOrDefault(r), StringComparer.Ordinal);
        var profile = file.Profile;
        return new IngestResult(
            file.Path, file.Sha256, FileStatuses.Loaded, counts.GetValueOrDefault(FileFates.Loaded) - known, counts.GetValueOrDefault(FileFates.Duplicate) + known,
            counts.GetValueOrDefault(FileFates.Ignored), rejects, source.UnknownColumns, source.PersonalFields,
            profile.IsCanonical ? null : profile.Name, null) { FileId = fileId };
    }

    /// <summary>Records a file that loads nothing (quarantined, or bytes ingested before) in the ledger.</summary>
    private IngestResult Record(StagedFile file, string status, string message)
    {
        var fileId = IngestLedger.NextFileId(_store);
        var result = new IngestResult(file.Path, file.Sha256, status, 0, 0, 0, IngestResult.NoRejects, [], [], file.Profile.IsCanonical ? null : file.Profile.Name, message)
        {
            FileId = fileId,
        };
        IngestLedger.Insert(_store, LedgerEntryOf(result, file));
        return result;
    }

    private LedgerEntry LedgerEntryOf(IngestResult result, StagedFile file) =>
        new(result.FileId, result.File, result.Sha256, file.Size, file.Format, result.Profile, result.Status,
            result.RowsRead, result.RowsLoaded, result.RowsDuplicate, result.RowsRejected, result.RowsIgnored,
            result.UnknownColumns, result.PersonalFields, result.Message, _clock.GetCurrentInstant());

    private void DropWorkTables(WorkTables tables) => tables.DropAll(_store);
}
