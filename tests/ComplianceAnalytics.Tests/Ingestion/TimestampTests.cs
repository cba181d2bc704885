using ComplianceAnalytics.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class TimestampTests : IDisposable
{
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static long Utc(int y, int mo, int d, int h, int mi, int s = 0, long micros = 0) =>
        IngestFixture.Micros(Instant.FromUtc(y, mo, d, h, mi, s)) + micros;

    public static TheoryData<string, string, long> Forms => new()
    {
        { "bluehat", "2026-03-02T09:15:00Z", Utc(2026, 3, 2, 9, 15) },
        { "bluehat", "2026-03-02T09:15:00+01:00", Utc(2026, 3, 2, 8, 15) },
        { "bluehat", "2026-03-02T09:15:00-05:30", Utc(2026, 3, 2, 14, 45) },
        { "bluehat", "2026-03-02 09:15:00Z", Utc(2026, 3, 2, 9, 15) },
        { "bluehat", "2026-03-02T09:15:00.5Z", Utc(2026, 3, 2, 9, 15, 0, 500_000) },
        { "bluehat", "2026-03-02T09:15:00.123456Z", Utc(2026, 3, 2, 9, 15, 0, 123_456) },
        { "bluehat", "2026-03-02T09:15:00.123456+01:00", Utc(2026, 3, 2, 8, 15, 0, 123_456) },
        { "bluehat", "2026-03-02 09:15:00", Utc(2026, 3, 2, 9, 15) },
        { "bluehat", "2026-03-02T09:15:00", Utc(2026, 3, 2, 9, 15) },
        { "bluehat", "2026-07-02T09:15:00", Utc(2026, 7, 2, 8, 15) },
        { "bluehat", "2026-07-02 09:15:00.25", Utc(2026, 7, 2, 8, 15, 0, 250_000) },
        { "bluehat", "2026-10-25 01:30:00", Utc(2026, 10, 25, 0, 30) },
        { "bluehat", "2026-10-25 00:59:59", Utc(2026, 10, 24, 23, 59, 59) },
        { "bluehat", "2026-10-25 02:00:00", Utc(2026, 10, 25, 2, 0) },
        { "bluehat", "2026-03-29 01:30:00", Utc(2026, 3, 29, 1, 30) },
        { "bluehat", "2026-03-29 00:59:59", Utc(2026, 3, 29, 0, 59, 59) },
        { "bluehat", "2026-03-29 02:00:00", Utc(2026, 3, 29, 1, 0) },
        { "helpdesk", "2026-03-02 09:15:00", Utc(2026, 3, 2, 8, 15) },
        { "helpdesk", "2026-07-02 09:15:00", Utc(2026, 7, 2, 7, 15) },
        { "helpdesk", "2026-10-25 02:30:00", Utc(2026, 10, 25, 0, 30) },
        { "helpdesk", "2026-03-29 02:30:00", Utc(2026, 3, 29, 1, 30) },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_contract_form_resolves_to_the_right_instant(string org, string value, long expectedMicros)
    {
        var r = _f.Csv("ts.csv", $"{org},C1,complaint_received,{value}");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(expectedMicros, _f.OccurredMicros("C1"));
    }

    public static TheoryData<string, long> DueForms => new()
    {
        // A date is the end of that local day: 23:59:59.999999 local.
        { "2026-03-20", Utc(2026, 3, 20, 23, 59, 59, 999_999) },
        { "2026-07-20", Utc(2026, 7, 20, 22, 59, 59, 999_999) },
        { "2026-03-29", Utc(2026, 3, 29, 22, 59, 59, 999_999) },
        { "2026-10-25", Utc(2026, 10, 25, 23, 59, 59, 999_999) },
        { "2026-03-28", Utc(2026, 3, 28, 23, 59, 59, 999_999) },
        { "2026-07-20T17:00:00", Utc(2026, 7, 20, 16, 0) },
        { "2026-07-20T17:00:00Z", Utc(2026, 7, 20, 17, 0) },
        { "2026-07-20 17:00:00+02:00", Utc(2026, 7, 20, 15, 0) },
    };

    [Theory]
    [MemberData(nameof(DueForms))]
    public void Due_at_forms_resolve_in_the_orgs_zone(string due, long expectedMicros)
    {
        var r = _f.Ingest("due.csv", $"{IngestFixture.Header},due_at\nbluehat,C1,deadline_extended,2026-03-02T09:15:00Z,{due}\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(expectedMicros, _f.DueMicros("C1"));
    }

    [Fact]
    public void A_profile_time_zone_overrides_the_policys()
    {
        var profile = _f.Profile("""
            name: rome
            format: csv
            match: "rome*.csv"
            time_zone: Europe/Rome
            """);
        using var f = new IngestFixture(profile);
        var r = f.Ingest("rome-1.csv", $"{IngestFixture.Header},due_at\nbluehat,C1,deadline_extended,2026-07-02 09:15:00,2026-07-20\nbluehat,C2,acknowledged,2026-07-02T09:15:00Z,\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 2, 0, 0);
        Assert.Equal(Utc(2026, 7, 2, 7, 15), f.OccurredMicros("C1"));
        Assert.Equal(Utc(2026, 7, 20, 21, 59, 59, 999_999), f.DueMicros("C1"));
        Assert.Equal(Utc(2026, 7, 2, 9, 15), f.OccurredMicros("C2"));
    }
}
