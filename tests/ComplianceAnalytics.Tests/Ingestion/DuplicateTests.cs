using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class DuplicateTests : IDisposable
{
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void The_same_instant_in_any_form_is_the_same_event()
    {
        var r = _f.Csv(
            "forms.csv",
            "bluehat,C1,complaint_received,2026-07-02T08:15:00Z",
            "bluehat,C1,complaint_received,2026-07-02T09:15:00+01:00",
            "bluehat,C1,complaint_received,2026-07-02 09:15:00",
            "bluehat,C1,complaint_received,2026-07-02T09:15:00",
            "bluehat,C1,complaint_received,2026-07-02T08:15:00.000000Z",
            "bluehat,C1,acknowledged,2026-07-02T08:15:00Z",
            "bluehat,C1,complaint_received,2026-07-02T08:15:00.000001Z",
            "bluehat,C2,complaint_received,2026-07-02T08:15:00Z",
            "halo,C1,complaint_received,2026-07-02T08:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 9, 5, 4, 0);
        Assert.Equal(["3", "4", "5", "6"], _f.Strings("SELECT CAST(line AS VARCHAR) FROM duplicate_rows ORDER BY line"));
        Assert.Equal(2, _f.Count("SELECT line FROM events WHERE case_ref = 'C1' AND org = 'bluehat' AND event_type = 'complaint_received' ORDER BY line LIMIT 1"));
    }

    [Fact]
    public void Event_id_is_the_identity_when_present()
    {
        var r = _f.Ingest(
            "ids.csv",
            $"{IngestFixture.Header},event_id\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,E1\n"
            + "bluehat,C9,acknowledged,2026-03-09T09:15:00Z,E1\n"
            + "halo,C1,complaint_received,2026-03-02T09:15:00Z,E1\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,E2\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 6, 4, 2, 0);
        Assert.Equal(["3", "7"], _f.Strings("SELECT CAST(line AS VARCHAR) FROM duplicate_rows ORDER BY line"));
    }

    [Fact]
    public void Duplicates_are_found_across_files_and_rejected_rows_do_not_count_as_loaded()
    {
        var first = _f.Csv("a.csv", "bluehat,C1,complaint_received,2026-03-02T09:15:00Z", "bluehat,C2,complaint_received,yesterday");
        ResultAssert.Counts(first, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadTimestamp, 1));
        var second = _f.Csv("b.csv", "bluehat,C1,complaint_received,2026-03-02 09:15:00", "bluehat,C2,complaint_received,yesterday", "bluehat,C3,closed,2026-03-02T09:15:00Z");
        ResultAssert.Counts(second, FileStatuses.Loaded, 3, 1, 1, 0, (RejectReasons.BadTimestamp, 1));
        Assert.Equal(2, _f.Count("SELECT count(*) FROM events"));
        Assert.Equal(second.FileId, _f.Count("SELECT file_id FROM duplicate_rows"));
    }

    [Fact]
    public void An_identical_file_under_another_name_is_skipped_and_counts_nothing()
    {
        var text = $"{IngestFixture.Header}\nbluehat,C1,complaint_received,2026-03-02T09:15:00Z\nbluehat,C1,bogus,2026-03-02T09:15:00Z\n";
        var first = _f.Ingest("one.csv", text);
        ResultAssert.Counts(first, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.UnknownEventType, 1));
        var again = _f.Ingest("two.csv", text);
        ResultAssert.Counts(again, FileStatuses.SkippedDuplicateFile, 0, 0, 0, 0);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.Equal(1, _f.Count("SELECT count(*) FROM events"));
        Assert.Equal(1, _f.Count("SELECT count(*) FROM rejected_rows"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM duplicate_rows"));
        Assert.Equal("skipped_duplicate_file", _f.Text("SELECT status FROM ingest_files WHERE file_name = 'two.csv'"));
        Assert.Equal(0, _f.Count("SELECT rows_read FROM ingest_files WHERE file_name = 'two.csv'"));
        var third = _f.Ingest("one.csv", text);
        Assert.Equal(FileStatuses.SkippedDuplicateFile, third.Status);
    }
}
