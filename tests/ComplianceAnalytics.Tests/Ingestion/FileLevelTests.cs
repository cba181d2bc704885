using System.Text;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class FileLevelTests : IDisposable
{
    private const string Row = "bluehat,C1,complaint_received,2026-03-02T09:15:00Z";
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void An_empty_file_is_quarantined_with_a_ledger_row()
    {
        var r = _f.Ingest("empty.csv", string.Empty);
        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.Equal(1, _f.Count("SELECT count(*) FROM ingest_files WHERE status = 'quarantined' AND size_bytes = 0"));
    }

    [Fact]
    public void A_header_only_file_loads_no_rows()
    {
        var r = _f.Ingest("header.csv", IngestFixture.Header + "\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 0, 0, 0, 0);
        var bare = _f.Ingest("header2.csv", IngestFixture.Header);
        ResultAssert.Counts(bare, FileStatuses.Loaded, 0, 0, 0, 0);
    }

    [Fact]
    public void A_bom_crlf_and_mixed_line_endings_read_like_plain_lf()
    {
        var text = IngestFixture.Header + ",team\r\n" + Row + ",t1\r\nbluehat,C2,complaint_received,2026-03-02T09:15:00Z\nbluehat,C3,complaint_received,2026-03-02T09:15:00Z,t3\r\nbluehat,C4,bogus,2026-03-02T09:15:00Z,t4\r\n";
        var path = _f.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        var r = _f.Ingestor.Ingest(path);
        ResultAssert.Counts(r, FileStatuses.Loaded, 4, 2, 0, 0, (RejectReasons.MalformedRow, 1), (RejectReasons.UnknownEventType, 1));
        Assert.Equal(["3:malformed_row", "5:unknown_event_type"], _f.Rejects(r.FileId));
        Assert.Equal(["t1", "t3"], _f.Strings("SELECT team FROM events ORDER BY case_ref"));
        Assert.Empty(r.UnknownColumns);
    }

    [Fact]
    public void Crlf_json_lines_with_a_bom_load()
    {
        var text = "{\"org\":\"bluehat\",\"case_ref\":\"C1\",\"event_type\":\"complaint_received\",\"occurred_at\":\"2026-03-02T09:15:00Z\"}\r\n"
            + "{\"org\":\"bluehat\",\"case_ref\":\"C2\",\"event_type\":\"complaint_received\",\"occurred_at\":\"2026-03-02T09:15:00Z\"}\r\n";
        var r = _f.Ingestor.Ingest(_f.WriteBytes("bom.ndjson", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 2, 0, 0);
    }

    [Fact]
    public void Empty_lines_are_not_rows_but_still_count_as_lines()
    {
        var r = _f.Ingest("blank.csv", IngestFixture.Header + "\n" + Row + "\n\nbluehat,C2,bogus,2026-03-02T09:15:00Z\r\n\r\nbluehat,C3,complaint_received,2026-03-02T09:15:00Z\n\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 3, 2, 0, 0, (RejectReasons.UnknownEventType, 1));
        Assert.Equal(["4:unknown_event_type"], _f.Rejects(r.FileId));
        Assert.Equal(["2", "6"], _f.Strings("SELECT CAST(line AS VARCHAR) FROM events ORDER BY line"));

        var j = _f.Ingest("blank.jsonl", "\n{\"org\":\"bluehat\",\"case_ref\":\"J1\",\"event_type\":\"complaint_received\",\"occurred_at\":\"2026-03-02T09:15:00Z\"}\n\n{\"org\":\"bluehat\"}\n\n");
        ResultAssert.Counts(j, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.MissingField, 1));
        Assert.Equal(["4:missing_field"], _f.Rejects(j.FileId));
        Assert.Equal(2, _f.Count("SELECT line FROM events WHERE case_ref = 'J1'"));
    }

    [Fact]
    public void A_3_mb_notes_field_still_loads_and_is_not_stored()
    {
        var notes = new string('n', 3 * 1024 * 1024);
        var r = _f.Ingest("big.csv", $"{IngestFixture.Header},notes\n{Row},\"{notes}\"\nbluehat,C2,complaint_received,2026-03-02T09:15:00Z,short\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 2, 0, 0);
        Assert.Equal(["notes"], r.PersonalFields);
    }

    [Fact]
    public void A_random_bytes_file_leaves_no_events_and_a_ledger_row()
    {
        var bytes = new byte[20_000];
        new Random(1234).NextBytes(bytes);
        var r = _f.Ingestor.Ingest(_f.WriteBytes("random.csv", bytes));
        Assert.Contains(r.Status, new[] { FileStatuses.Quarantined, FileStatuses.Loaded });
        Assert.Equal(0, r.RowsLoaded);
        Assert.Equal(r.RowsRead, r.RowsRejected + r.RowsDuplicate + r.RowsIgnored);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM events"));
        Assert.Equal(1, _f.Count("SELECT count(*) FROM ingest_files"));
        var j = _f.Ingestor.Ingest(_f.WriteBytes("random.jsonl", bytes));
        Assert.Equal(0, j.RowsLoaded);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM events"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\").csv")]
    [InlineData("my export 'March' \"final\".csv")]
    [InlineData("export [1].csv")]
    [InlineData("export?.csv")]
    [InlineData("export*.csv")]
    [InlineData("caf\u00e9 \u2013 d\u00e9cembre.csv")]
    public void Awkward_file_names_are_read_as_themselves(string name)
    {
        // Decoys that a glob in the name would also match.
        _f.Write("export1.csv", IngestFixture.Header + "\nbluehat,D1,complaint_received,2026-03-02T09:15:00Z\n");
        _f.Write("export [.csv", IngestFixture.Header + "\nbluehat,D2,complaint_received,2026-03-02T09:15:00Z\n");
        var r = _f.Csv(name, Row);
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(name, _f.Text("SELECT file_name FROM ingest_files"));
        Assert.Equal(["C1"], _f.Strings("SELECT case_ref FROM events"));
    }

    [Fact]
    public void Values_keys_and_file_names_that_look_like_sql_are_stored_as_text()
    {
        const string Sql = "x'); DROP TABLE events; --";
        var r = _f.Ingest(
            "sql'); DROP TABLE events; --.csv",
            $"{IngestFixture.Header},team\nbluehat,\"{Sql}\",complaint_received,2026-03-02T09:15:00Z,\"{Sql}\"\nbluehat,C2,\"{Sql}\",2026-03-02T09:15:00Z,t\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.UnknownEventType, 1));
        Assert.Equal([Sql], _f.Strings("SELECT case_ref FROM events"));
        Assert.Equal([Sql], _f.Strings("SELECT team FROM events"));
        Assert.Equal([Sql], _f.Strings("SELECT event_type FROM rejected_rows"));
        Assert.Equal(["sql'); DROP TABLE events; --.csv"], _f.Strings("SELECT file_name FROM ingest_files"));

        var j = _f.Ingest("keys.jsonl", $$"""{"org":"bluehat","case_ref":"J1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z","{{Sql}}":"y","a/b~c":1}""" + "\n");
        ResultAssert.Counts(j, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Contains(Sql, j.UnknownColumns);
        Assert.Contains("a/b~c", j.UnknownColumns);
        Assert.Equal(2, _f.Count("SELECT count(*) FROM events"));
    }

    [Fact]
    public void A_path_with_parent_segments_is_read_where_it_points_and_recorded_as_given()
    {
        Directory.CreateDirectory(Path.Combine(_f.Folder, "sub"));
        _f.Write("target.csv", IngestFixture.Header + "\n" + Row + "\n");
        var path = Path.Combine(_f.Folder, "sub", "..", "target.csv");

        var r = _f.Ingestor.Ingest(path);

        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(path, _f.Text("SELECT path FROM ingest_files"));
        Assert.Equal("target.csv", _f.Text("SELECT file_name FROM ingest_files"));

        // A name that only starts with dots names a file of this folder, not a way out of it.
        var dots = _f.Csv("..target.csv", "bluehat,C2,complaint_received,2026-03-02T09:15:00Z");
        ResultAssert.Counts(dots, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(["C1", "C2"], _f.Strings("SELECT case_ref FROM events ORDER BY case_ref"));
    }

    [Theory]
    [InlineData("events.txt")]
    [InlineData("events.xlsx")]
    [InlineData("events")]
    [InlineData("events.CSV.gz")]
    public void Unsupported_extensions_are_quarantined(string name)
    {
        var r = _f.Csv(name, Row);
        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.Equal(64, r.Sha256.Length);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM events"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM rejected_rows"));
        Assert.Equal("quarantined", _f.Text("SELECT status FROM ingest_files"));
    }

    [Fact]
    public void A_header_without_the_required_columns_quarantines_the_file_naming_them()
    {
        var r = _f.Ingest("wrong.csv", "ticket,opened,state\nT1,2026-03-02,new\n");

        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.Equal("the header lacks the required columns org, case_ref, event_type, occurred_at; nothing of it was loaded", r.Message);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM rejected_rows"));
        Assert.Equal(r.Message, _f.Text("SELECT message FROM ingest_files"));
    }

    [Fact]
    public void A_missing_path_is_quarantined_with_a_ledger_row()
    {
        var r = _f.Ingestor.Ingest(Path.Combine(_f.Folder, "nope.csv"));
        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.NotNull(r.Message);
        Assert.Equal(1, _f.Count("SELECT count(*) FROM ingest_files WHERE file_name = 'nope.csv' AND status = 'quarantined'"));
    }

    [Fact]
    public void A_header_that_is_not_utf8_quarantines_the_file_and_leaves_nothing_behind()
    {
        var r = _f.Ingestor.Ingest(_f.WriteBytes("latin1.csv", [.. Encoding.UTF8.GetBytes("org,case_ref,event_type,occurred_at,caf"), 0xE9, (byte)'\n', .. Encoding.UTF8.GetBytes(Row + ",x\n")]));
        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM events"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM rejected_rows"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM duplicate_rows"));
    }

    [Fact]
    public void A_folder_run_ingests_every_file_in_ordinal_order_and_survives_bad_ones()
    {
        var drop = Path.Combine(_f.Folder, "drop");
        Directory.CreateDirectory(drop);
        File.WriteAllText(Path.Combine(drop, "b.csv"), IngestFixture.Header + "\nbluehat,C1,complaint_received,2026-03-02 09:15:00\n");
        File.WriteAllText(Path.Combine(drop, "a.csv"), IngestFixture.Header + "\n" + Row + "\n");
        File.WriteAllText(Path.Combine(drop, "B.txt"), "whatever");
        File.WriteAllBytes(Path.Combine(drop, "C.csv"), []);
        File.WriteAllText(Path.Combine(drop, "c.jsonl"), "{\"org\":\"halo\",\"case_ref\":\"H1\",\"event_type\":\"complaint_received\",\"occurred_at\":\"2026-03-02T09:15:00Z\"}\n");
        File.WriteAllText(Path.Combine(drop, "c.jsonl.ready"), string.Empty);
        var files = ExportIngestion.Expand([drop]);
        Assert.Equal(["B.txt", "C.csv", "a.csv", "b.csv", "c.jsonl"], files.Select(Path.GetFileName));

        var run = new ExportIngestion(_f.Store, _f.Policies, [], new ComplianceAnalytics.Privacy.Pseudonymiser(IngestFixture.Key), new FixedClock(IngestFixture.Now)).Ingest(files);
        Assert.Equal(
            ["quarantined", "quarantined", "loaded", "loaded", "loaded"],
            run.Files.Select(x => x.Status));
        Assert.Equal([0L, 0, 1, 0, 1], run.Files.Select(x => x.RowsLoaded));
        Assert.Equal(1, run.Files[3].RowsDuplicate);
        Assert.Equal(5, _f.Count("SELECT count(*) FROM ingest_files"));
        Assert.Equal(2, _f.Count("SELECT count(*) FROM events"));
        foreach (var file in run.Files)
        {
            Assert.Equal(file.RowsRead, _f.Count("SELECT rows_loaded + rows_duplicate + rows_rejected + rows_ignored FROM ingest_files WHERE file_id = $1", file.FileId));
            Assert.Equal(file.RowsRead, _f.Count("SELECT rows_read FROM ingest_files WHERE file_id = $1", file.FileId));
        }

        Assert.Equal(Instant.FromUtc(2026, 6, 1, 12, 0), IngestFixture.Now);
    }
}
