using System.Text;
using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class RejectReasonTests : IDisposable
{
    private const string Ok = "bluehat,C1,complaint_received,2026-03-02T09:15:00Z";
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Records_with_too_many_or_too_few_fields_are_malformed_at_their_lines()
    {
        var r = _f.Csv(
            "shape.csv",
            Ok,
            "bluehat,C2,complaint_received",
            "bluehat,C3,complaint_received,2026-03-02T09:15:00Z,extra",
            "bluehat,C4,complaint_received,2026-03-02T09:15:00Z,",
            "bluehat,C5,complaint_received,2026-03-02T10:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 5, 2, 0, 0, (RejectReasons.MalformedRow, 3));
        Assert.Equal(["3:malformed_row", "4:malformed_row", "5:malformed_row"], _f.Rejects(r.FileId));
        Assert.Equal(["2", "6"], _f.Strings("SELECT CAST(line AS VARCHAR) FROM events ORDER BY line"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM rejected_rows WHERE case_ref IS NOT NULL OR occurred_at IS NOT NULL"));
    }

    [Fact]
    public void An_unterminated_quote_makes_one_malformed_record_of_the_rest_of_the_file()
    {
        var r = _f.Csv("quote.csv", Ok, "bluehat,\"C2,complaint_received,2026-03-02T09:15:00Z", "bluehat,C3,complaint_received,2026-03-02T09:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.MalformedRow, 1));
        Assert.Equal(["3:malformed_row"], _f.Rejects(r.FileId));
    }

    [Fact]
    public void An_invalid_utf8_line_is_malformed_and_the_others_load()
    {
        var bytes = Encoding.UTF8.GetBytes(IngestFixture.Header + "\n" + Ok + "\nbluehat,C2,complaint_received,2026-03-02T09:15:00Z\n");
        var bad = Encoding.UTF8.GetBytes("bluehat,C\u00e9,complaint_received,2026-03-02T09:15:00Z\n");
        bad[9] = 0xFF;
        bad[10] = 0xFE;
        var path = _f.WriteBytes("utf8.csv", [.. bytes, .. bad, .. Encoding.UTF8.GetBytes("bluehat,C4,acknowledged,2026-03-02T09:15:00Z\n")]);
        var r = _f.Ingestor.Ingest(path);
        ResultAssert.Counts(r, FileStatuses.Loaded, 4, 3, 0, 0, (RejectReasons.MalformedRow, 1));
        Assert.Equal(["4:malformed_row"], _f.Rejects(r.FileId));
    }

    [Fact]
    public void Json_lines_that_are_not_json_or_not_objects_are_malformed()
    {
        var r = _f.Ingest(
            "events.jsonl",
            """
            {"org":"bluehat","case_ref":"C1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}
            not json
            [1,2]
            "text"
            42
            {"org":"bluehat","case_ref":"C2"
            {"org":"bluehat","case_ref":"C3","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z"}

            """);
        ResultAssert.Counts(r, FileStatuses.Loaded, 7, 2, 0, 0, (RejectReasons.MalformedRow, 5));
        Assert.Equal(["2:malformed_row", "3:malformed_row", "4:malformed_row", "5:malformed_row", "6:malformed_row"], _f.Rejects(r.FileId));
        Assert.Equal(["1", "7"], _f.Strings("SELECT CAST(line AS VARCHAR) FROM events ORDER BY line"));
    }

    [Theory]
    [InlineData(",C1,complaint_received,2026-03-02T09:15:00Z", "org")]
    [InlineData("bluehat,,complaint_received,2026-03-02T09:15:00Z", "case_ref")]
    [InlineData("bluehat,C1,,2026-03-02T09:15:00Z", "event_type")]
    [InlineData("bluehat,C1,complaint_received,", "occurred_at")]
    [InlineData("   ,C1,complaint_received,2026-03-02T09:15:00Z", "org")]
    [InlineData("bluehat,  ,complaint_received,2026-03-02T09:15:00Z", "case_ref")]
    [InlineData("bluehat,C1,\" \",2026-03-02T09:15:00Z", "event_type")]
    [InlineData("bluehat,C1,complaint_received,\"\t \"", "occurred_at")]
    [InlineData("bluehat,\"\",complaint_received,2026-03-02T09:15:00Z", "case_ref")]
    public void Empty_or_blank_required_fields_are_missing(string line, string field)
    {
        var r = _f.Csv("missing.csv", line);
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 0, 0, 0, (RejectReasons.MissingField, 1));
        Assert.Equal(field, _f.Text("SELECT field FROM rejected_rows"));
    }

    [Theory]
    [InlineData("\u00a0C1", "C1")]
    [InlineData("C1\t", "C1")]
    [InlineData("\u000bC 1\u000c", "C 1")]
    [InlineData("\"\r\nC1 \"", "C1")]
    [InlineData("C\u00a01", "C\u00a01")]
    public void White_space_at_either_edge_is_trimmed_and_inner_white_space_kept(string field, string stored)
    {
        var r = _f.Csv("edges.csv", $"bluehat,{field},complaint_received,2026-03-02T09:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 1, 0, 0);
        Assert.Equal(stored, _f.Text("SELECT case_ref FROM events"));
    }

    [Fact]
    public void A_missing_required_column_quarantines_the_file_rather_than_rejecting_every_row()
    {
        // Contract v2 §6: a header lacking a required column is quarantined as a whole, naming it.
        var r = _f.Ingest("nocol.csv", "org,case_ref,occurred_at\nbluehat,C1,2026-03-02T09:15:00Z\nbluehat,C2,2026-03-02T09:15:00Z\n");
        ResultAssert.Counts(r, FileStatuses.Quarantined, 0, 0, 0, 0);
        Assert.Equal("the header lacks the required column event_type; nothing of it was loaded", r.Message);
    }

    [Theory]
    [InlineData("complaint_recieved")]
    [InlineData("Complaint_Received")]
    [InlineData("appeal")]
    public void Unknown_event_types_are_rejected(string type)
    {
        var r = _f.Csv("types.csv", $"bluehat,C1,{type},2026-03-02T09:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 0, 0, 0, (RejectReasons.UnknownEventType, 1));
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("2026-02-31T10:00:00")]
    [InlineData("2026-02-31T10:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("2026-03-02T25:00:00")]
    [InlineData("2026-03-02T09:60:00Z")]
    [InlineData("2026-03-02")]
    [InlineData("2026-03-02T09:15:00+25:00")]
    [InlineData("2026-13-02T09:15:00Z")]
    public void Bad_timestamps_are_rejected(string value)
    {
        var r = _f.Csv("ts.csv", $"bluehat,C1,complaint_received,{value}");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 0, 0, 0, (RejectReasons.BadTimestamp, 1));
        Assert.Equal(value, _f.Text("SELECT occurred_at FROM rejected_rows"));
    }

    [Fact]
    public void An_org_without_a_policy_is_unknown()
    {
        var r = _f.Csv("org.csv", "acme,C1,complaint_received,2026-03-02T09:15:00Z", "BlueHat,C2,complaint_received,2026-03-02 09:15:00");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 0, 0, 0, (RejectReasons.UnknownOrg, 2));
        // The field named is the org, also when a local time could not be placed for want of the org's zone.
        Assert.Equal(2, _f.Count("SELECT count(*) FROM rejected_rows WHERE field = 'org'"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2026-02-30")]
    [InlineData("2026-03-20T24:00:00")]
    [InlineData("20/03/2026")]
    public void A_deadline_extension_needs_a_valid_due_at(string due)
    {
        var r = _f.Ingest("due.csv", $"{IngestFixture.Header},due_at\nbluehat,C1,deadline_extended,2026-03-02T09:15:00Z,{due}\nbluehat,C2,acknowledged,2026-03-02T09:15:00Z,{due}\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadDueAt, 1));
        Assert.Equal("C1", _f.Text("SELECT case_ref FROM rejected_rows"));
    }

    [Fact]
    public void A_deadline_extension_without_a_due_at_column_is_bad_due_at()
    {
        var r = _f.Csv("due2.csv", "bluehat,C1,deadline_extended,2026-03-02T09:15:00Z");
        ResultAssert.Counts(r, FileStatuses.Loaded, 1, 0, 0, 0, (RejectReasons.BadDueAt, 1));
    }

    [Theory]
    [InlineData("acme,,nonsense,yesterday,", "missing_field")]
    [InlineData("acme,C1,nonsense,yesterday,", "unknown_event_type")]
    [InlineData("acme,C1,deadline_extended,yesterday,", "bad_timestamp")]
    [InlineData("acme,C1,deadline_extended,2026-03-02T09:15:00Z,", "unknown_org")]
    [InlineData("bluehat,C1,deadline_extended,2026-03-02T09:15:00Z,never", "bad_due_at")]
    [InlineData("acme,C1,deadline_extended,2026-03-02T09:15:00,", "unknown_org")]
    public void A_row_with_several_faults_gets_the_first_reason_in_contract_order(string line, string reason)
    {
        var r = _f.Ingest("many.csv", $"{IngestFixture.Header},due_at\n{line}\n");
        Assert.Equal(1, r.RowsRejected);
        Assert.Equal(1, r.Rejects[reason]);
    }

    [Fact]
    public void Rejected_rows_keep_file_line_reason_and_no_personal_data()
    {
        var r = _f.Ingest(
            "kept.csv",
            "org,case_ref,event_type,occurred_at,customer_name,customer_email,customer_phone,notes\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,Jane Planted,jane@planted.example,07700 900999,secret planted note\n"
            + "bluehat,C2,bogus,2026-03-02T09:15:00Z,Jane Planted,jane@planted.example,07700 900999,secret planted note\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.UnknownEventType, 1));
        using var reader = _f.Store.Connection.Query("SELECT file_id, line, reason, field, case_ref, event_type FROM rejected_rows");
        Assert.True(reader.Read());
        Assert.Equal(r.FileId, reader.GetInt64(0));
        Assert.Equal(3, reader.GetInt64(1));
        Assert.Equal("unknown_event_type", reader.GetString(2));
        Assert.Equal("event_type", reader.GetString(3));
        Assert.Equal("C2", reader.GetString(4));
        Assert.Equal("bogus", reader.GetString(5));
        Assert.False(reader.Read());
        var columns = _f.Strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'rejected_rows'");
        Assert.DoesNotContain("customer_name", columns);
        Assert.DoesNotContain("customer_email", columns);
        Assert.DoesNotContain("customer_phone", columns);
        Assert.DoesNotContain("notes", columns);
    }
}
