using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Tests.Policies;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class MappingProfileTests : IDisposable
{
    private readonly IngestFixture _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private MappingProfile Acme(string unmapped) => _scratch.Profile($"""
        name: acme
        format: csv
        match: "acme-*.csv"
        org: jpdit
        columns:
          case_ref: Ticket
          event_type: Action
          occurred_at: When
          customer_email: Mail
        event_types:
          "OPEN": complaint_received
          "ACK": acknowledged
          "FINAL": response_issued
        unmapped_event_types: {unmapped}
        """);

    private const string AcmeFile = "Ticket,Action,When,Mail,Extra,org\n"
        + "T1,OPEN,2026-03-02 09:15:00,a@b.example,x,bluehat\n"
        + "T1,ACK,2026-03-02 10:15:00,,x,bluehat\n"
        + "T1,NOTE,2026-03-02 11:15:00,,x,bluehat\n"
        + "T1,,2026-03-02 11:15:00,,x,bluehat\n"
        + "T1,FINAL,yesterday,,x,bluehat\n"
        + "T2,NOTE,yesterday,,x,bluehat\n";

    [Fact]
    public void A_profile_renames_columns_maps_types_and_ignores_unmapped_types()
    {
        using var f = new IngestFixture(Acme("ignore"));
        var r = f.Ingest("acme-2026-03.csv", AcmeFile);
        ResultAssert.Counts(r, FileStatuses.Loaded, 6, 2, 0, 2, (RejectReasons.MissingField, 1), (RejectReasons.BadTimestamp, 1));
        Assert.Equal("acme", r.Profile);
        Assert.Equal(["jpdit"], f.Strings("SELECT DISTINCT org FROM events"));
        Assert.Equal(["acknowledged", "complaint_received"], f.Strings("SELECT event_type FROM events ORDER BY event_type"));
        Assert.Equal(["Extra", "org"], r.UnknownColumns.Order(StringComparer.Ordinal));
        Assert.Equal(["Extra", "org"], f.Strings("SELECT unnest(unknown_columns) c FROM ingest_files ORDER BY c"));
        Assert.Equal("acme", f.Text("SELECT profile FROM ingest_files"));
        Assert.Equal(6, f.Count("SELECT rows_read FROM ingest_files"));
        Assert.Equal(2, f.Count("SELECT rows_ignored FROM ingest_files"));
    }

    [Fact]
    public void Unmapped_types_under_reject_are_unknown_event_types()
    {
        using var f = new IngestFixture(Acme("reject"));
        var r = f.Ingest("acme-2026-03.csv", AcmeFile);
        ResultAssert.Counts(r, FileStatuses.Loaded, 6, 2, 0, 0, (RejectReasons.MissingField, 1), (RejectReasons.BadTimestamp, 1), (RejectReasons.UnknownEventType, 2));
    }

    [Fact]
    public void Canonical_type_names_are_not_accepted_when_a_profile_maps_types()
    {
        using var f = new IngestFixture(Acme("reject"));
        var r = f.Ingest("acme-x.csv", "Ticket,Action,When\nT1,complaint_received,2026-03-02 09:15:00\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 0, 0, 0, (RejectReasons.UnknownEventType, 1));
    }

    [Fact]
    public void An_org_column_supplies_the_org_per_row()
    {
        var profile = _scratch.Profile("""
            name: multi
            match: "multi*.jsonl"
            org_column: Company
            columns:
              case_ref: Ref
            """);
        using var f = new IngestFixture(profile);
        var r = f.Ingest("multi.jsonl", """
            {"Company":"bluehat","Ref":"R1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}
            {"Company":"halo","Ref":"R1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}
            {"Company":"nobody","Ref":"R1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}
            {"org":"bluehat","Ref":"R2","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}
            """);
        ResultAssert.Counts(r, FileStatuses.Loaded, 4, 2, 0, 0, (RejectReasons.UnknownOrg, 1), (RejectReasons.MissingField, 1));
        Assert.Equal(["bluehat", "halo"], f.Strings("SELECT org FROM events ORDER BY org"));
        Assert.Equal(["org"], r.UnknownColumns);
    }

    [Fact]
    public void A_file_no_profile_matches_is_read_as_canonical()
    {
        using var f = new IngestFixture(Acme("ignore"));
        var r = f.Csv("other.csv", "bluehat,C1,complaint_received,2026-03-02T09:15:00Z", "bluehat,C1,OPEN,2026-03-02T09:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.UnknownEventType, 1));
        Assert.Null(r.Profile);
        Assert.Null(f.Text("SELECT profile FROM ingest_files"));
    }

    [Theory]
    [InlineData("acme-2026.csv", true)]
    [InlineData("acme-.csv", true)]
    [InlineData("ACME-2026.csv", false)]
    [InlineData("xacme-2026.csv", false)]
    [InlineData("acme-2026.csv.bak", false)]
    [InlineData("acme-2026.jsonl", false)]
    public void Globs_match_whole_names_case_sensitively(string name, bool matches)
    {
        Assert.Equal(matches, Acme("ignore").Matches(name));
    }

    [Fact]
    public void Question_marks_match_one_character_and_dots_are_literal()
    {
        var profile = _scratch.Profile("name: q\nmatch: \"ex?.csv\"\n");
        Assert.True(profile.Matches("ex1.csv"));
        Assert.False(profile.Matches("ex12.csv"));
        Assert.False(profile.Matches("ex1xcsv"));
    }

    [Fact]
    public void The_first_matching_profile_applies()
    {
        var a = _scratch.Profile("name: a\nmatch: \"*.csv\"\norg: halo\n");
        var b = _scratch.Profile("name: b\nmatch: \"x*.csv\"\norg: jpdit\n");
        using var f = new IngestFixture(a, b);
        Assert.Equal("a", f.Ingestor.ProfileFor("x1.csv").Name);
        Assert.True(f.Ingestor.ProfileFor("x1.jsonl").IsCanonical);
    }

    [Fact]
    public void The_real_helpdesk_log_is_counted_exactly()
    {
        var log = Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAnalytics.Tests", "RealData", "helpdesk.csv");
        var profile = MappingProfileLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "sample-data", "mappings", "helpdesk.yaml"));
        using var f = new IngestFixture(profile);
        var r = f.Ingestor.Ingest(log);
        ResultAssert.Counts(r, FileStatuses.Loaded, 13710, 13443, 91, 176);
        Assert.Equal(13443, f.Count("SELECT count(*) FROM events WHERE org = 'helpdesk'"));
    }
}
