using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Ingestion;

/// <summary>
/// A run of files stages the next files on a second connection while one commits; every file must end
/// exactly as if the files had been ingested one after another.
/// </summary>
public sealed class PipelinedIngestTests
{
    private const string ResultsSql = """
        SELECT f.file_name || ' ' || f.status || ' ' || coalesce(f.format, '-') || ' ' || f.size_bytes || ' ' || f.rows_read || '/'
               || f.rows_loaded || '/' || f.rows_duplicate || '/' || f.rows_rejected || '/' || f.rows_ignored || ' ' || coalesce(f.message, '')
        FROM ingest_files f ORDER BY f.file_id
        """;

    private const string EventsSql = """
        SELECT f.file_name || ':' || e.line || ' ' || e.case_ref || ' ' || e.event_type || ' ' || epoch_us(e.occurred_at)
               || ' ' || coalesce(e.customer_key, '-')
        FROM events e JOIN ingest_files f USING (file_id) ORDER BY e.file_id, e.line
        """;

    /// <summary>
    /// Later files repeat rows of earlier ones (which the store only has once those commit), one repeats an
    /// earlier file's bytes, and some cannot be read at all.
    /// </summary>
    private static List<(string Name, string Text)> Files()
    {
        const string first = """
            org,case_ref,event_type,occurred_at,customer_email
            bluehat,C1,complaint_received,2026-03-02T09:15:00Z,ann@example.com
            bluehat,C1,acknowledged,2026-03-02T10:00:00Z,ann@example.com
            bluehat,C2,complaint_received,2026-03-03T09:00:00Z,bob@example.com
            """;
        return
        [
            ("a.csv", first),
            ("b.csv", """
                org,case_ref,event_type,occurred_at,customer_email
                bluehat,C1,acknowledged,2026-03-02T10:00:00Z,ann@example.com
                bluehat,C3,complaint_received,2026-03-04T09:00:00Z,cat@example.com
                bluehat,C3,complaint_received,2026-03-04T09:00:00Z,cat@example.com
                nobody,C4,complaint_received,2026-03-04T09:00:00Z,
                """),
            ("c-same-bytes-as-a.csv", first),
            ("d.txt", "not an export"),
            ("e.csv", ""),
            ("f.jsonl", """
                {"org":"bluehat","case_ref":"C3","event_type":"complaint_received","occurred_at":"2026-03-04T09:00:00Z"}
                {"org":"bluehat","case_ref":"C5","event_type":"complaint_received","occurred_at":"2026-03-05T09:00:00Z"}
                not json
                """),
            ("g.csv", """
                org,case_ref,event_type,occurred_at
                bluehat,C5,acknowledged,2026-03-05T11:00:00Z
                """),
        ];
    }

    [Fact]
    public void A_run_of_files_ends_as_the_same_files_ingested_one_after_another()
    {
        using var oneByOne = new IngestFixture();
        using var pipelined = new IngestFixture();
        var files = Files();
        var expected = files.Select(f => oneByOne.Ingestor.Ingest(oneByOne.Write(f.Name, f.Text))).ToList();
        var committed = new List<string>();

        var results = pipelined.Ingestor.IngestAll(
            [.. files.Select(f => pipelined.Write(f.Name, f.Text))], null, r => committed.Add(Path.GetFileName(r.File)), CancellationToken.None);

        Assert.Equal(files.Select(f => f.Name), committed);
        Assert.Equal(
            expected.Select(r => (Path.GetFileName(r.File), r.Status, r.RowsLoaded, r.RowsDuplicate, r.RowsRejected, r.RowsIgnored, r.Message, r.FileId)),
            results.Select(r => (Path.GetFileName(r.File), r.Status, r.RowsLoaded, r.RowsDuplicate, r.RowsRejected, r.RowsIgnored, r.Message, r.FileId)));
        Assert.Equal(oneByOne.Strings(ResultsSql), pipelined.Strings(ResultsSql));
        Assert.Equal(oneByOne.Strings(EventsSql), pipelined.Strings(EventsSql));
        // The cases the fixture's files were built to show, so that the comparison above compares something.
        Assert.Equal(FileStatuses.SkippedDuplicateFile, results[2].Status);
        Assert.Equal((1L, 1L), (results[1].RowsLoaded, results[1].RowsDuplicate - 1));
        Assert.Equal([FileStatuses.Quarantined, FileStatuses.Quarantined], results.Skip(3).Take(2).Select(r => r.Status));
        Assert.Equal((1L, 1L), (results[5].RowsLoaded, results[5].RowsDuplicate));
        Assert.Equal(6, pipelined.Count("SELECT count(*) FROM events"));
        Assert.Equal(0, WorkTablesLeft(pipelined));
    }

    [Fact]
    public void A_run_stopped_after_a_file_leaves_the_files_before_whole_and_nothing_staged_behind()
    {
        using var fixture = new IngestFixture();
        var paths = Files().Select(f => fixture.Write(f.Name, f.Text)).ToList();
        using var stop = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => fixture.Ingestor.IngestAll(paths, null, _ => stop.Cancel(), stop.Token));

        Assert.Equal(["a.csv"], fixture.Strings("SELECT file_name FROM ingest_files"));
        Assert.Equal(3, fixture.Count("SELECT count(*) FROM events"));
        Assert.Equal(0, WorkTablesLeft(fixture));

        // The next run takes up the rest, once each.
        var rest = fixture.Ingestor.IngestAll(paths, null, null, CancellationToken.None);
        Assert.Equal(FileStatuses.SkippedDuplicateFile, rest[0].Status);
        Assert.Equal(6, fixture.Count("SELECT count(*) FROM events"));
        Assert.Equal(0, WorkTablesLeft(fixture));
    }

    [Fact]
    public async Task A_file_that_fails_staging_itself_ends_the_run_with_its_error_and_nothing_staged_behind()
    {
        using var fixture = new IngestFixture();
        var good = Files()[0].Text;
        // A path no file can have makes its lane fail outright, while the other lane has files staged and waiting.
        string[] paths =
        [
            fixture.Write("a.csv", good), "bad\0.csv",
            .. Enumerable.Range(0, 4).Select(i => fixture.Write($"g{i}.csv", good.Replace("C1", $"G{i}", StringComparison.Ordinal))),
        ];

        var run = Task.Run(() => fixture.Ingestor.IngestAll(paths, null, null, CancellationToken.None));

        // A hang would fail here rather than stall the suite.
        await Assert.ThrowsAsync<ArgumentException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(["a.csv"], fixture.Strings("SELECT file_name FROM ingest_files"));
        Assert.Equal(0, WorkTablesLeft(fixture));
    }

    /// <summary>Tables of the staging work database and temporary ingest tables: they hold clear values.</summary>
    private static long WorkTablesLeft(IngestFixture fixture) => fixture.Count("""
        SELECT count(*) FROM duckdb_tables()
        WHERE database_name = 'ingest_work' OR (temporary AND table_name LIKE 'ingest%')
        """);
}
