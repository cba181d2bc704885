using System.Globalization;
using System.Text;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Ingestion;

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>An in-memory store, the sample policies, a temp folder for export files, and an ingestor.</summary>
internal sealed class IngestFixture : IDisposable
{
    public const string Header = "org,case_ref,event_type,occurred_at";

    private static readonly Lazy<PolicySet> SamplePolicies = new(() => PolicyLoader.LoadOrThrow(RepositoryPaths.Policies));

    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 12, 0);

    public IngestFixture(params MappingProfile[] profiles)
        : this(Key, profiles)
    {
    }

    public IngestFixture(byte[] key, params MappingProfile[] profiles)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = ComplianceStore.Open(":memory:");
        Policies = SamplePolicies.Value;
        Zones = Policies.All.ToDictionary(p => p.Org, p => p.TimeZone, StringComparer.Ordinal);
        Profiles = profiles;
        Ingestor = new FileIngestor(Store, Zones, profiles, new Pseudonymiser(key), new FixedClock(Now));
    }

    public string Folder { get; }

    public ComplianceStore Store { get; }

    public PolicySet Policies { get; }

    public IReadOnlyDictionary<string, DateTimeZone> Zones { get; }

    public IReadOnlyList<MappingProfile> Profiles { get; }

    public FileIngestor Ingestor { get; }

    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes a canonical CSV with the 4 required columns and the given data lines (LF).</summary>
    public IngestResult Csv(string name, params string[] lines) => Ingest(name, Header + "\n" + string.Join("\n", lines) + "\n");

    public IngestResult Ingest(string name, string text) => Ingestor.Ingest(Write(name, text));

    public MappingProfile Profile(string yaml)
    {
        var path = Path.Combine(Folder, "profile-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        return MappingProfileLoader.LoadFile(path);
    }

    public long Count(string sql, params object?[] parameters) => Store.Connection.Scalar<long>(sql, parameters);

    public string? Text(string sql, params object?[] parameters) => Store.Connection.Scalar<string>(sql, parameters);

    /// <summary>The stored occurred_at of the one event of a case, in micros since the epoch.</summary>
    public long OccurredMicros(string caseRef) =>
        Store.Connection.Scalar<long>("SELECT epoch_us(occurred_at) FROM events WHERE case_ref = $1", caseRef);

    public long DueMicros(string caseRef) =>
        Store.Connection.Scalar<long>("SELECT epoch_us(due_at) FROM events WHERE case_ref = $1", caseRef);

    public static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;

    /// <summary>Rejected rows of the store as "line:reason" in line order.</summary>
    public List<string> Rejects(long fileId)
    {
        var list = new List<string>();
        using var reader = Store.Connection.Query("SELECT line, reason FROM rejected_rows WHERE file_id = $1 ORDER BY line", fileId);
        while (reader.Read())
        {
            list.Add(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture) + ":" + reader.GetString(1));
        }

        return list;
    }

    public List<string> Strings(string sql, params object?[] parameters)
    {
        var list = new List<string>();
        using var reader = Store.Connection.Query(sql, parameters);
        while (reader.Read())
        {
            list.Add(reader.IsNull(0) ? "<null>" : reader.GetString(0));
        }

        return list;
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

internal static class ResultAssert
{
    /// <summary>Status and every count, with rows_read checked as their sum.</summary>
    public static void Counts(IngestResult r, string status, long read, long loaded, long duplicate, long ignored, params (string Reason, long Count)[] rejects)
    {
        Assert.True(status == r.Status, $"status {r.Status}, expected {status}: {r.Message}");
        var expected = RejectReasons.All.ToDictionary(x => x, x => rejects.Where(p => p.Reason == x).Sum(p => p.Count), StringComparer.Ordinal);
        Assert.Equal(expected, r.Rejects.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        Assert.Equal(loaded, r.RowsLoaded);
        Assert.Equal(duplicate, r.RowsDuplicate);
        Assert.Equal(ignored, r.RowsIgnored);
        Assert.Equal(read, r.RowsRead);
        Assert.Equal(r.RowsRead, r.RowsLoaded + r.RowsDuplicate + r.RowsRejected + r.RowsIgnored);
    }
}
