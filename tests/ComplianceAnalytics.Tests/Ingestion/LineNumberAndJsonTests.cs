using System.Text.Json;
using ComplianceAnalytics.Host.Cli;
using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class LineNumberAndJsonTests : IDisposable
{
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void A_multi_line_quoted_field_is_one_record()
    {
        var r = _f.Ingest(
            "multi.csv",
            "org,case_ref,event_type,occurred_at,notes\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,\"line one\nline two\n\nline four\"\n"
            + "bluehat,C2,bogus,2026-03-02T09:15:00Z,x\n"
            + "bluehat,C3,complaint_received,2026-03-02T09:15:00Z,\"a \"\"quoted\"\", word\"\n"
            + "bluehat,C4\n"
            + "bluehat,C5,complaint_received,2026-03-02T09:15:00Z,\"x\r\ny\"\n"
            + "bluehat,C6,complaint_received,yesterday,x\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 6, 3, 0, 0, (RejectReasons.UnknownEventType, 1), (RejectReasons.MalformedRow, 1), (RejectReasons.BadTimestamp, 1));
        Assert.Equal(["3:unknown_event_type", "5:malformed_row", "7:bad_timestamp"], _f.Rejects(r.FileId));
        Assert.Equal(["C1:2", "C3:4", "C5:6"], _f.Strings("SELECT case_ref || ':' || line FROM events ORDER BY line"));
    }

    [Fact]
    public void Many_malformed_records_keep_every_later_line_right()
    {
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            lines.Add(i % 7 == 3 ? "bluehat,X" : i % 11 == 5 ? "" : $"bluehat,C{i},complaint_received,2026-03-02T09:15:00Z");
        }

        var r = _f.Csv("many.csv", [.. lines]);
        var malformed = Enumerable.Range(0, 3000).Count(i => i % 7 == 3);
        var empty = Enumerable.Range(0, 3000).Count(i => i % 7 != 3 && i % 11 == 5);
        ResultAssert.Counts(r, FileStatuses.Loaded, 3000 - empty, 3000 - empty - malformed, 0, 0, (RejectReasons.MalformedRow, malformed));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM events WHERE 'C' || (line - 2) <> case_ref"));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM rejected_rows WHERE (line - 2) % 7 <> 3"));
    }

    [Fact]
    public void Ingest_json_has_the_contract_fields()
    {
        var r = _f.Csv("j.csv", "bluehat,C1,complaint_received,2026-03-02T09:15:00Z", "bluehat,C1,complaint_received,2026-03-02T09:15:00Z", "bluehat,C2,bogus,2026-03-02T09:15:00Z");
        using var json = JsonDocument.Parse(IngestVerb.ToJson(r));
        var root = json.RootElement;
        Assert.Equal(r.File, root.GetProperty("file").GetString());
        Assert.Equal(r.Sha256, root.GetProperty("sha256").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("sha256").GetString());
        Assert.Equal("loaded", root.GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("rows_read").GetInt64());
        Assert.Equal(1, root.GetProperty("rows_loaded").GetInt64());
        Assert.Equal(1, root.GetProperty("rows_duplicate").GetInt64());
        Assert.Equal(1, root.GetProperty("rows_rejected").GetInt64());
        Assert.Equal(0, root.GetProperty("rows_ignored").GetInt64());
        var rejects = root.GetProperty("rejects").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        Assert.Equal(
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["malformed_row"] = 0, ["missing_field"] = 0, ["unknown_event_type"] = 1, ["bad_timestamp"] = 0, ["unknown_org"] = 0, ["bad_due_at"] = 0, ["bad_value"] = 0,
            },
            rejects);
    }

    [Fact]
    public void Ingest_json_of_a_skipped_and_a_quarantined_file_has_zero_counts()
    {
        var text = IngestFixture.Header + "\nbluehat,C1,complaint_received,2026-03-02T09:15:00Z\n";
        _f.Ingest("a.csv", text);
        foreach (var r in new[] { _f.Ingest("b.csv", text), _f.Ingest("c.txt", text) })
        {
            using var json = JsonDocument.Parse(IngestVerb.ToJson(r));
            var root = json.RootElement;
            Assert.Equal(r.Status, root.GetProperty("status").GetString());
            foreach (var name in new[] { "rows_read", "rows_loaded", "rows_duplicate", "rows_rejected", "rows_ignored" })
            {
                Assert.Equal(0, root.GetProperty(name).GetInt64());
            }

            Assert.Equal(7, root.GetProperty("rejects").EnumerateObject().Count());
        }
    }

    [Fact]
    public void Ingest_json_keeps_awkward_file_names_intact()
    {
        var r = _f.Csv("=HYPERLINK(\"x\") <é>.csv", "bluehat,C1,complaint_received,2026-03-02T09:15:00Z");
        using var json = JsonDocument.Parse(IngestVerb.ToJson(r));
        Assert.Equal(r.File, json.RootElement.GetProperty("file").GetString());
    }
}
