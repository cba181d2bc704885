using System.Globalization;
using System.Text;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Hosting;

public class BrokenFilesTests
{
    private const string Header = "org,case_ref,event_type,occurred_at";

    private static string Row(string caseRef) => $"jpdit,{caseRef},complaint_received,2026-11-02 09:00:00";

    private static string Json(string caseRef, string extra = "") =>
        $$"""{"org":"jpdit","case_ref":"{{caseRef}}","event_type":"complaint_received","occurred_at":"2026-11-02 09:00:00"{{extra}}}""";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Every_broken_file_gets_a_ledger_entry_and_a_reason_and_none_stops_the_run_or_the_good_file()
    {
        using var fixture = new HostingFixture();
        var random = new byte[20_000];
        new Random(20261201).NextBytes(random);
        var longValue = new string('x', 3 * 1024 * 1024);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["01-empty.csv"] = [],
            ["02-header-only.csv"] = Utf8(Header + "\n"),
            ["03-random.csv"] = random,
            ["04-random.jsonl"] = random,
            ["05-invalid-utf8.csv"] = [.. Utf8($"{Header}\n{Row("U1")}\njpdit,U"), 0xFF, 0xFE, .. Utf8($"2,complaint_received,2026-11-02 09:00:00\n{Row("U3")}\n")],
            ["06-invalid-utf8.jsonl"] = [.. Utf8(Json("V1") + "\n" + Json("V2", ",\"team\":\"t")), 0xC3, 0x28, .. Utf8("\"}\n" + Json("V3") + "\n")],
            ["07-3mb-line.csv"] = Utf8($"{Header},notes\n{Row("L1")},\"{longValue}\"\n{longValue}\n{Row("L3")},short\n"),
            ["08-3mb-line.jsonl"] = Utf8(Json("M1", $",\"notes\":\"{longValue}\"") + "\n" + longValue + "\n" + Json("M3") + "\n"),
            ["09-bom-crlf-mixed.csv"] = [0xEF, 0xBB, 0xBF, .. Utf8($"{Header}\r\n{Row("B1")}\r\n{Row("B2")}\n{Row("B3")}\r\n")],
            ["10-unterminated-quote.csv"] = Utf8($"{Header}\n{Row("Q1")}\njpdit,\"Q2,complaint_received,2026-11-02 09:00:00\n{Row("Q3")}\n"),
            ["11-not-json.jsonl"] = Utf8(Json("N1") + "\n{\"org\": \"jpdit\", oops}\n" + Json("N3") + "\n"),
            ["=HYPERLINK(\"x\").csv"] = Utf8($"{Header}\n{Row("H1")}\n"),
            ["zz-good.csv"] = Utf8($"{Header}\n{Row("G1")}\n{Row("G2")}\n"),
        };
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(fixture.DropFolder, name), bytes);
        }

        var run = await fixture.IngestAsync(onlyStable: false);

        Assert.Equal(RunOutcomes.Succeeded, run.Outcome);
        Assert.Equal(files.Count, fixture.Scalar("SELECT count(*) FROM ingest_files"));

        // name -> status, rows read, loaded, rejected as malformed_row.
        var expected = new Dictionary<string, (string Status, long Read, long Loaded, long Malformed)>(StringComparer.Ordinal)
        {
            ["01-empty.csv"] = (FileStatuses.Quarantined, 0, 0, 0),
            ["02-header-only.csv"] = (FileStatuses.Loaded, 0, 0, 0),
            ["05-invalid-utf8.csv"] = (FileStatuses.Loaded, 3, 2, 1),
            ["06-invalid-utf8.jsonl"] = (FileStatuses.Loaded, 3, 2, 1),
            ["07-3mb-line.csv"] = (FileStatuses.Loaded, 3, 2, 1),
            ["08-3mb-line.jsonl"] = (FileStatuses.Loaded, 3, 2, 1),
            ["09-bom-crlf-mixed.csv"] = (FileStatuses.Loaded, 3, 3, 0),
            ["10-unterminated-quote.csv"] = (FileStatuses.Loaded, 2, 1, 1),
            ["11-not-json.jsonl"] = (FileStatuses.Loaded, 3, 2, 1),
            ["=HYPERLINK(\"x\").csv"] = (FileStatuses.Loaded, 1, 1, 0),
            ["zz-good.csv"] = (FileStatuses.Loaded, 2, 2, 0),
        };
        var actual = Ledger(fixture);
        foreach (var (name, (status, read, loaded, malformed)) in expected)
        {
            Assert.True(actual.TryGetValue(name, out var row), $"no ledger entry for {name}");
            Assert.Equal((name, status, read, loaded, malformed), (name, row.Status, row.Read, row.Loaded, row.Malformed));
        }

        // Random bytes: whatever DuckDB makes of them, nothing loads and every row read has a reason.
        foreach (var name in new[] { "03-random.csv", "04-random.jsonl" })
        {
            var row = actual[name];
            Assert.Equal(0, row.Loaded);
            Assert.True(row.Status == FileStatuses.Quarantined ? row.Message is { Length: > 0 } : row.Rejected == row.Read, $"{name}: {row}");
        }

        foreach (var (name, row) in actual)
        {
            Assert.True(row.Status != FileStatuses.Quarantined || row.Message is { Length: > 0 }, $"{name} quarantined without a reason");
            Assert.Equal(row.Read, row.Loaded + row.Rejected + row.Duplicate + row.Ignored);
            Assert.Equal(row.Rejected, fixture.Scalar("SELECT count(*) FROM rejected_rows WHERE file_id = $1", row.FileId));
            Assert.Equal(row.Loaded, fixture.Scalar("SELECT count(*) FROM events WHERE file_id = $1", row.FileId));
        }

        Assert.Equal(["1", "3"], LinesOf(fixture, "SELECT line FROM events e JOIN ingest_files f USING (file_id) WHERE f.file_name = '06-invalid-utf8.jsonl' ORDER BY line"));
        Assert.Equal(["2", "4"], LinesOf(fixture, "SELECT line FROM events e JOIN ingest_files f USING (file_id) WHERE f.file_name = '07-3mb-line.csv' ORDER BY line"));
    }

    private sealed record LedgerRow(long FileId, string Status, long Read, long Loaded, long Duplicate, long Rejected, long Ignored, long Malformed, string? Message);

    private static Dictionary<string, LedgerRow> Ledger(HostingFixture fixture)
    {
        var rows = new Dictionary<string, LedgerRow>(StringComparer.Ordinal);
        using var reader = fixture.Workspace.Store.Connection.Query("""
            SELECT file_name, file_id, status, rows_read, rows_loaded, rows_duplicate, rows_rejected, rows_ignored,
                   (SELECT count(*) FROM rejected_rows r WHERE r.file_id = f.file_id AND r.reason = 'malformed_row'), message
            FROM ingest_files f
            """);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = new LedgerRow(
                reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.IsNull(9) ? null : reader.GetString(9));
        }

        return rows;
    }

    private static List<string> LinesOf(HostingFixture fixture, string sql)
    {
        var lines = new List<string>();
        using var reader = fixture.Workspace.Store.Connection.Query(sql);
        while (reader.Read())
        {
            lines.Add(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
        }

        return lines;
    }
}
