using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Privacy;

namespace ComplianceAnalytics.Tests.Ingestion;

public sealed class PersonalDataTests : IDisposable
{
    private const string Header = "org,case_ref,event_type,occurred_at,customer_name,customer_email,customer_phone,notes";
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    private const string File1 = Header + "\n"
        + "bluehat,P1,complaint_received,2026-03-02T09:15:00Z,Zebedee Plantedname,Zeb.Planted@Example.com,07700 900123,\"called about PlantedSecret, angry\"\n"
        + "bluehat,P2,complaint_received,2026-03-02T09:15:00Z,Zebedee Plantedname,  zeb.planted@example.COM ,,\n"
        + "bluehat,P3,complaint_received,2026-03-02T09:15:00Z,,,+44 7700 900123,\n"
        + "bluehat,P4,complaint_received,2026-03-02T09:15:00Z,,,0044 (0)7700-900123,\n"
        + "bluehat,P5,complaint_received,2026-03-02T09:15:00Z,,other@example.com,,\n"
        + "bluehat,P6,complaint_received,2026-03-02T09:15:00Z,,,,\n"
        + "bluehat,P7,bogus,2026-03-02T09:15:00Z,Zebedee Plantedname,zeb.planted@example.com,07700 900123,PlantedSecret\n";

    [Fact]
    public void Names_notes_emails_and_phones_are_never_stored_in_any_text_column()
    {
        var r = _f.Ingest("personal.csv", File1);
        ResultAssert.Counts(r, FileStatuses.Loaded, 7, 6, 0, 0, (RejectReasons.UnknownEventType, 1));
        _f.Ingest("personal.jsonl", """
            {"org":"bluehat","case_ref":"J1","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z","customer_name":"Zebedee Plantedname","notes":"PlantedSecret","customer_email":"zeb.planted@example.com"}
            {"org":"bluehat","case_ref":"J2","event_type":"complaint_received","occurred_at":"2026-03-02T09:15:00Z","customer_name":"Zebedee Plantedname","notes":"PlantedSecret"
            """);
        var leaks = new List<string>();
        using var tables = _f.Store.Connection.Query("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'main' AND (data_type LIKE 'VARCHAR%' OR data_type LIKE '%[]')
            """);
        var columns = new List<(string Table, string Column)>();
        while (tables.Read())
        {
            columns.Add((tables.GetString(0), tables.GetString(1)));
        }

        Assert.Contains(columns, c => c.Table == "events" && c.Column == "customer_key");
        foreach (var (table, column) in columns)
        {
            foreach (var planted in new[] { "Plantedname", "PlantedSecret", "planted@", "Planted@", "900123", "other@example" })
            {
                var hits = _f.Count($"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS VARCHAR) LIKE '%' || $1 || '%'", planted);
                if (hits > 0)
                {
                    leaks.Add($"{table}.{column}: {planted}");
                }
            }
        }

        Assert.Empty(leaks);
        Assert.Equal(0, _f.Count("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'ingest_%' AND table_name <> 'ingest_files'"));
    }

    [Fact]
    public void The_same_email_or_uk_phone_in_any_spelling_gives_the_same_customer_key()
    {
        _f.Ingest("personal.csv", File1);
        var keys = _f.Strings("SELECT coalesce(customer_key, '<none>') FROM events ORDER BY case_ref");
        Assert.Equal(6, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[2], keys[3]);
        Assert.NotEqual(keys[0], keys[2]);
        Assert.NotEqual(keys[0], keys[4]);
        Assert.Equal("<none>", keys[5]);
        Assert.Matches("^[0-9a-f]{64}$", keys[0]);
        Assert.Equal(new Pseudonymiser(IngestFixture.Key).KeyFor("email:zeb.planted@example.com"), keys[0]);
        Assert.Equal(new Pseudonymiser(IngestFixture.Key).KeyFor("phone:447700900123"), keys[2]);
    }

    [Fact]
    public void Another_key_gives_other_customer_keys()
    {
        _f.Ingest("personal.csv", File1);
        using var other = new IngestFixture([.. Enumerable.Repeat((byte)9, 32)]);
        other.Ingest("personal.csv", File1);
        var a = _f.Strings("SELECT customer_key FROM events WHERE customer_key IS NOT NULL ORDER BY case_ref");
        var b = other.Strings("SELECT customer_key FROM events WHERE customer_key IS NOT NULL ORDER BY case_ref");
        Assert.Equal(a.Count, b.Count);
        Assert.Empty(a.Intersect(b));
    }

    [Theory]
    [InlineData("07700 900123", "phone:447700900123")]
    [InlineData("+44 7700 900123", "phone:447700900123")]
    [InlineData("+44 (0)7700 900123", "phone:447700900123")]
    [InlineData("0044 7700 900123", "phone:447700900123")]
    [InlineData("447700900123", "phone:447700900123")]
    [InlineData("+44 (0) 7700-900-123", "phone:447700900123")]
    [InlineData("  ", null)]
    public void Uk_phone_numbers_normalise_to_the_international_form(string phone, string? expected)
    {
        Assert.Equal(expected, Pseudonymiser.NormalisePhone(phone));
    }

    [Fact]
    public void The_ledger_names_the_personal_fields_that_arrived()
    {
        var r = _f.Ingest("personal.csv", File1);
        Assert.Equal(["customer_name", "customer_email", "customer_phone", "notes"], r.PersonalFields);
        Assert.Empty(r.UnknownColumns);
    }
}
