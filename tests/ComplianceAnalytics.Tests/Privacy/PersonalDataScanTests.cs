using System.Text;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Tests.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplianceAnalytics.Tests.Privacy;

public sealed class PersonalDataScanTests
{
    // Written as they arrive in the exports; searched for without regard to case.
    private static readonly string[] Planted =
    [
        "Quillfeather", "secret-note", "zeb.quill@", "quill.work@", "900456", "900789",
    ];

    [Fact]
    public async Task After_ingesting_personal_data_in_every_kind_of_row_no_table_column_or_log_line_holds_any_of_it()
    {
        var logs = new LogCapture();
        using var fixture = new HostingFixture(logs: logs);
        const string Header = "org,case_ref,event_type,occurred_at,event_id,customer_name,customer_email,customer_phone,notes,contact_details";
        File.WriteAllText(Path.Combine(fixture.DropFolder, "people.csv"), string.Join('\n',
            Header,
            "jpdit,P1,complaint_received,2026-11-02 09:00:00,e1,Zebedee Quillfeather,Zeb.Quill@Example.org,+44 (0) 7700 900456,\"secret-note: rang twice, \"\"angry\"\"\",quill.work@example.net / 07700 900789",
            "jpdit,P1,complaint_received,2026-11-02 09:00:00,e1,Zebedee Quillfeather,zeb.quill@example.org,07700 900456,secret-note again,quill.work@example.net",
            "jpdit,P2,bogus_type,2026-11-02 09:00:00,e2,Zebedee Quillfeather,zeb.quill@example.org,447700900456,secret-note rejected,07700 900789",
            "jpdit,P3,complaint_received,not a time,e3,Zebedee Quillfeather,zeb.quill@example.org,447700900456,secret-note bad time,",
            "jpdit,P4,complaint_received,2026-11-02 09:00:00,e4,Zebedee Quillfeather,zeb.quill@example.org,447700900456,secret-note,too,many,fields",
            "nosuchorg,P5,complaint_received,2026-11-02 09:00:00,e5,Zebedee Quillfeather,zeb.quill@example.org,,secret-note unknown org,",
            "jpdit,P6,complaint_received,2026-11-02 09:00:00,e6,Zebedee Quillfeather,\"zeb.quill@example.org\" unterminated,\"secret-note",
            string.Empty));
        File.WriteAllText(Path.Combine(fixture.DropFolder, "people.jsonl"), string.Join('\n',
            """{"org":"jpdit","case_ref":"J1","event_type":"complaint_received","occurred_at":"2026-11-03T09:00:00Z","customer_name":"Zebedee Quillfeather","customer_email":"ZEB.QUILL@example.org","customer_phone":"07700 900456","notes":"secret-note json","contact_details":{"email":"quill.work@example.net","phone":"07700 900789"}}""",
            """{"org":"jpdit","case_ref":"J1","event_type":"complaint_received","occurred_at":"2026-11-03T09:00:00Z","customer_name":"Zebedee Quillfeather","notes":"secret-note duplicate"}""",
            """{"org":"jpdit","case_ref":"J2","event_type":"bogus_type","occurred_at":"2026-11-03T09:00:00Z","customer_name":"Zebedee Quillfeather","customer_email":"zeb.quill@example.org","notes":"secret-note rejected"}""",
            """{"org":"jpdit","case_ref":"J3","customer_name":"Zebedee Quillfeather","customer_email":"zeb.quill@example.org" not json, secret-note 07700 900456""",
            """["Zebedee Quillfeather", "zeb.quill@example.org", "secret-note"]""",
            string.Empty));

        // A file DuckDB cannot read at all: its error would quote the offending bytes.
        File.WriteAllBytes(Path.Combine(fixture.DropFolder, "unreadable.csv"), [.. Encoding.UTF8.GetBytes("org,case_ref,event_type,occurred_at,Zebedee Quillfeather zeb.quill@example.org "), 0xFF, 0xFE, (byte)'\n']);

        var run = await fixture.IngestAsync(onlyStable: false);

        Assert.Equal(RunOutcomes.Succeeded, run.Outcome);
        Assert.Contains("files: 2 loaded, 0 skipped_duplicate_file, 1 quarantined", run.Detail, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM events WHERE case_ref = 'P1'"));
        Assert.True(fixture.Scalar("SELECT count(*) FROM rejected_rows") >= 7);
        Assert.Equal(2, fixture.Scalar("SELECT count(*) FROM duplicate_rows"));
        Assert.Equal(1, fixture.Scalar("SELECT count(DISTINCT customer_key) FROM events WHERE customer_key IS NOT NULL"));

        var leaks = new List<string>();
        var columns = new List<(string Table, string Column)>();
        using (var reader = fixture.Workspace.Store.Connection.Query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY ALL"))
        {
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(("ingest_files", "unknown_columns"), columns);
        Assert.Contains(("run_log", "detail"), columns);
        foreach (var (table, column) in columns)
        {
            foreach (var planted in Planted)
            {
                var hits = fixture.Scalar($"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS VARCHAR) ILIKE '%' || $1 || '%'", planted);
                if (hits > 0)
                {
                    leaks.Add($"{table}.{column}: {planted}");
                }
            }
        }

        var messages = logs.Messages;
        Assert.Contains(messages, m => m.Contains("Quarantined", StringComparison.Ordinal) && m.Contains("unreadable.csv", StringComparison.Ordinal));
        foreach (var message in messages)
        {
            leaks.AddRange(Planted.Where(p => message.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"log: {p} in {message}"));
        }

        Assert.Empty(leaks);

        // What arrived is named, by column, never by value.
        Assert.Equal(
            ["people.csv:customer_name,customer_email,customer_phone,notes:contact_details", "people.jsonl:customer_name,customer_email,customer_phone,notes:contact_details"],
            Strings(fixture, "SELECT file_name || ':' || array_to_string(personal_fields, ',') || ':' || array_to_string(unknown_columns, ',') FROM ingest_files WHERE status = 'loaded' ORDER BY file_name"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Without_a_configured_key_a_key_file_is_created_for_the_owner_only_with_a_warning_that_does_not_show_the_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var logs = new LogCapture();
            using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
            var database = Path.Combine(folder, "var", "store.duckdb");

            var key = PseudonymKeyProvider.Resolve(null, database, factory.CreateLogger("test"));

            var keyFile = database + ".key";
            Assert.Equal(PseudonymKeyProvider.KeyFilePath(database), keyFile);
            Assert.Equal(32, key.Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            var warning = Assert.Single(logs.Messages);
            Assert.StartsWith("Warning: ", warning, StringComparison.Ordinal);
            Assert.Contains(keyFile, warning, StringComparison.Ordinal);
            AssertKeyNotIn(key, warning);

            // The next run reads the same key, silently.
            Assert.Equal(key, PseudonymKeyProvider.Resolve(null, database, factory.CreateLogger("test")));
            Assert.Single(logs.Messages);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_configured_key_is_used_as_given_and_no_key_file_is_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), "key-" + Guid.NewGuid().ToString("N"));
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var hex = Convert.ToHexStringLower([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);

        Assert.Equal(Convert.FromHexString(hex), PseudonymKeyProvider.Resolve(hex, Path.Combine(folder, "store.duckdb"), factory.CreateLogger("test")));
        Assert.Equal(Convert.FromHexString(hex), PseudonymKeyProvider.Resolve(Convert.ToBase64String(Convert.FromHexString(hex)), Path.Combine(folder, "store.duckdb"), factory.CreateLogger("test")));
        Assert.False(Directory.Exists(folder));
        Assert.Empty(logs.Messages);
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("c2hvcnQta2V5")]
    [InlineData("not a key at all, but a secret someone typed")]
    public void A_bad_configured_key_is_refused_without_repeating_it(string configured)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => PseudonymKeyProvider.Resolve(configured, "unused.duckdb", NullLoggerFactoryLogger()));
        Assert.Contains("Compliance:PseudonymKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(configured, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_holds_no_valid_key_is_refused_without_repeating_its_content()
    {
        var folder = Path.Combine(Path.GetTempPath(), "key-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var database = Path.Combine(folder, "store.duckdb");
            File.WriteAllText(database + ".key", "deadbeef");
            var ex = Assert.Throws<InvalidOperationException>(() => PseudonymKeyProvider.Resolve(null, database, NullLoggerFactoryLogger()));
            Assert.Contains(database + ".key", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("deadbeef", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Microsoft.Extensions.Logging.Abstractions.NullLogger NullLoggerFactoryLogger() => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private static void AssertKeyNotIn(byte[] key, string text)
    {
        Assert.DoesNotContain(Convert.ToHexStringLower(key), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(key), text, StringComparison.Ordinal);
    }

    private static List<string> Strings(HostingFixture fixture, string sql)
    {
        var list = new List<string>();
        using var reader = fixture.Workspace.Store.Connection.Query(sql);
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
