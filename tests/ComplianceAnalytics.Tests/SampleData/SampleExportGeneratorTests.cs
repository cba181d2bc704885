using System.Text;
using System.Text.Json;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.SampleData;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Serialization;

namespace ComplianceAnalytics.Tests.SampleData;

/// <summary>The committed-size sample, generated once for the tests that only read it.</summary>
public sealed class SampleSetFixture : IDisposable
{
    public SampleSetFixture()
    {
        Directory = TempFolder.Create();
        Summary = SampleExportGenerator.Write(SampleExportGenerator.CommittedSet(Directory));
        var profile = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(Directory, Summary.MappingProfile)));
        HaloEventTypes = ((Dictionary<object, object>)profile["event_types"]).ToDictionary(c => (string)c.Key, c => (string)c.Value);
        Files = [.. Summary.Files.Select(f => ExportReader.Read(Path.Combine(Directory, f.Path), HaloEventTypes))];
    }

    public string Directory { get; }

    public SampleSummary Summary { get; }

    public IReadOnlyList<ExportFileContent> Files { get; }

    /// <summary>Halo's activity codes and the canonical types its mapping profile gives them.</summary>
    public IReadOnlyDictionary<string, string> HaloEventTypes { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public class SampleExportGeneratorTests(SampleSetFixture sample) : IClassFixture<SampleSetFixture>
{
    private const string RegenerateVariable = "REGENERATE_SAMPLE_DATA";

    private static readonly string[] ResponseTypes = ["response_issued", "escalation_response_issued"];

    private static readonly string[] Orgs = ["bluehat", "jpdit", "netservers", "halo", "hexpress", "crediflex"];

    [Fact]
    public void Same_seed_gives_byte_identical_files()
    {
        var first = TempFolder.Create();
        var second = TempFolder.Create();
        try
        {
            var options = new SampleOptions(400, 7, first, new LocalDate(2025, 9, 1));
            SampleExportGenerator.Write(options);
            SampleExportGenerator.Write(options with { OutDir = second });

            Assert.Equal(Snapshot(first), Snapshot(second));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Different_seed_gives_different_files()
    {
        var first = TempFolder.Create();
        var second = TempFolder.Create();
        try
        {
            SampleExportGenerator.Write(new SampleOptions(400, 7, first, new LocalDate(2025, 9, 1)));
            SampleExportGenerator.Write(new SampleOptions(400, 8, second, new LocalDate(2025, 9, 1)));

            var a = Snapshot(first);
            var b = Snapshot(second);
            Assert.Contains(a, file => !b.TryGetValue(file.Key, out var other) || other != file.Value);
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Summary_lists_every_file_with_its_rows_and_size()
    {
        var onDisk = Directory.EnumerateFiles(Path.Combine(sample.Directory, SampleExportGenerator.ExportsFolder))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, sample.Summary.Files.Select(f => Path.GetFileName(f.Path)));
        foreach (var (summary, content) in sample.Summary.Files.Zip(sample.Files))
        {
            Assert.Equal(summary.Rows, content.Rows.Count);
            Assert.Equal(new FileInfo(Path.Combine(sample.Directory, summary.Path)).Length, summary.Bytes);
        }

        // The 1500 cases of the seed organisations, and Crediflex's, drawn on their own (a fifth as many again).
        Assert.Equal(1500 + 300, sample.Summary.Cases);
        Assert.InRange(sample.Summary.Rows, 8_000, 20_000);
    }

    [Fact]
    public void Files_are_per_org_and_month_over_at_least_13_months()
    {
        foreach (var org in Orgs)
        {
            var files = sample.Summary.Files.Where(f => Path.GetFileName(f.Path).StartsWith(org + "-", StringComparison.Ordinal)).ToList();
            Assert.InRange(files.Count, 13, 14);
            var extension = org == "hexpress" ? ".jsonl" : ".csv";
            Assert.All(files, f => Assert.EndsWith(extension, f.Path, StringComparison.Ordinal));
        }

        // Volumes differ between orgs.
        var rows = Orgs.Select(org => sample.Files.Where(f => f.Org == org).Sum(f => f.Rows.Count)).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Fact]
    public void Planted_rows_are_what_the_summary_says()
    {
        var found = Enum.GetValues<PlantedRowKind>().ToDictionary(k => k, _ => 0);
        var unmapped = 0;
        foreach (var file in sample.Files)
        {
            foreach (var row in file.Rows)
            {
                if (row.Malformed)
                {
                    found[PlantedRowKind.MalformedRow]++;
                    continue;
                }

                var canonical = file.Canonical(row);
                if (file.Org == "halo" && canonical["event_type"] == "NOTE_ADDED")
                {
                    unmapped++;
                    continue;
                }

                if (canonical["org"] == "acme")
                {
                    found[PlantedRowKind.UnknownOrg]++;
                }
                else if (canonical["case_ref"].Length == 0)
                {
                    found[PlantedRowKind.MissingCaseRef]++;
                }
                else if (!EventTypes.IsKnown(canonical["event_type"]))
                {
                    found[PlantedRowKind.UnknownEventType]++;
                }
                else if (!IsContractTimestamp(canonical["occurred_at"]))
                {
                    found[PlantedRowKind.BadTimestamp]++;
                }
                else if (canonical["event_type"] == EventTypes.DeadlineExtended && canonical["due_at"].Length == 0)
                {
                    found[PlantedRowKind.MissingDueAt]++;
                }
                else if (canonical["vulnerable"] == "maybe" || canonical["redress_amount"] == "12,50")
                {
                    found[PlantedRowKind.BadValue]++;
                }
                else if (canonical["team"].StartsWith('=') || canonical["category"].StartsWith('='))
                {
                    found[PlantedRowKind.FormulaText]++;
                }
            }
        }

        foreach (var org in Orgs)
        {
            var files = sample.Files.Where(f => f.Org == org).ToList();
            foreach (var file in files)
            {
                found[PlantedRowKind.DuplicateWithinFile] += file.Rows.Count - file.Rows.Select(r => r.Key).Distinct().Count();
            }

            found[PlantedRowKind.DuplicateAcrossFiles] += files
                .SelectMany(f => f.Rows.Select(r => r.Key).Distinct())
                .CountBy(key => key)
                .Sum(group => group.Value - 1);
        }

        Assert.Equal(sample.Summary.Planted.OrderBy(p => p.Key), found.OrderBy(p => p.Key));
        Assert.Equal(sample.Summary.UnmappedRows, unmapped);
        Assert.All(found, kind => Assert.True(kind.Value > 0, $"no {kind.Key} planted"));

        // About one row in two hundred, as a real export's defects would be.
        Assert.InRange(sample.Summary.BadRowsPlanted, sample.Summary.Rows / 500, sample.Summary.Rows / 80);
    }

    [Fact]
    public void Canonical_rows_carry_known_event_types_and_contract_timestamps_except_the_planted_ones()
    {
        var canonical = sample.Files.Where(f => f.Org != "halo").SelectMany(f => f.Rows.Where(r => !r.Malformed).Select(f.Canonical)).ToList();
        Assert.Equal(sample.Summary.Planted[PlantedRowKind.UnknownEventType], canonical.Count(r => !EventTypes.IsKnown(r["event_type"])));
        Assert.All(EventTypes.All, type => Assert.Contains(canonical, r => r["event_type"] == type));
        Assert.Contains(canonical, r => r["adr_body"] == "ombudsman_services" && r["org"] == "netservers");
        Assert.Contains(canonical, r => r["outcome"] == "upheld" && r["redress_amount"].Length > 0);
        Assert.All(
            canonical.Where(r => r["redress_amount"].Length > 0 && r["redress_amount"] != "12,50"),
            r => Assert.Matches(@"^\d+\.\d\d$", r["redress_amount"]));
    }

    [Fact]
    public void Complaint_received_rows_carry_invented_personal_data_and_repeat_complainants()
    {
        var received = sample.Files
            .SelectMany(f => f.Rows.Where(r => !r.Malformed).Select(f.Canonical))
            .Where(r => r["event_type"] == EventTypes.ComplaintReceived)
            .ToList();
        Assert.All(received, r =>
        {
            Assert.NotEmpty(r["customer_name"]);
            Assert.Matches(@"@(mail\.)?example\.(com|org)$", r["customer_email"]);
            Assert.Matches(@"7700\)? ?900 ?\d{3}$", r["customer_phone"]);
        });
        Assert.Contains(received, r => r["notes"].Contains('"', StringComparison.Ordinal) && r["notes"].Contains(',', StringComparison.Ordinal));

        var repeats = received.Where(r => r["org"] != "acme").GroupBy(r => r["customer_email"]).Count(g => g.Count() > 1);
        Assert.InRange(repeats, received.Count / 40, received.Count / 5);
    }

    [Fact]
    public void Halo_files_need_the_mapping_profile()
    {
        var profile = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(sample.Directory, sample.Summary.MappingProfile)));
        Assert.Equal("halo", profile["name"]);
        Assert.Equal("csv", profile["format"]);
        Assert.Equal("halo-*.csv", profile["match"]);
        Assert.Equal("halo", profile["org"]);
        Assert.Equal("ignore", profile["unmapped_event_types"]);
        var columns = ((Dictionary<object, object>)profile["columns"]).ToDictionary(c => (string)c.Key, c => (string)c.Value);
        var eventTypes = sample.HaloEventTypes;
        Assert.All(eventTypes.Values, type => Assert.True(EventTypes.IsKnown(type), type));
        Assert.Equal(EventTypes.All.Order(StringComparer.Ordinal), eventTypes.Values.Order(StringComparer.Ordinal));

        var halo = sample.Files.Where(f => f.Org == "halo").ToList();
        Assert.NotEmpty(halo);
        foreach (var file in halo)
        {
            Assert.DoesNotContain("event_type", file.Header);
            Assert.DoesNotContain("org", file.Header);
            Assert.All(columns.Values, source => Assert.Contains(source, file.Header));
            var activities = file.Rows.Where(r => !r.Malformed).Select(r => r.Values[Array.IndexOf(file.Header, "Activity")]);
            Assert.All(activities, a => Assert.True(eventTypes.ContainsKey(a) || a == "NOTE_ADDED", a));
        }

        Assert.True(sample.Summary.UnmappedRows > 0);
    }

    [Fact]
    public void Every_org_writes_products_root_causes_vulnerable_customers_and_redress_and_crediflex_two_legal_entities()
    {
        foreach (var org in Orgs)
        {
            var rows = sample.Files.Where(f => f.Org == org)
                .SelectMany(f => f.Rows.Where(r => !r.Malformed).Select(f.Canonical))
                .ToList();
            Assert.Contains(rows, r => r.GetValueOrDefault("product", "").Length > 0);
            Assert.Contains(rows, r => r.GetValueOrDefault("root_cause", "").Length > 0);
            Assert.Contains(rows, r => r.GetValueOrDefault("vulnerable", "") == "true");
            Assert.Contains(rows, r => r.GetValueOrDefault("redress_amount", "").Length > 0);
            // The root cause is the firm's finding: only on its responses (and on the planted copies of them).
            Assert.All(
                rows.Where(r => r.GetValueOrDefault("root_cause", "").Length > 0 && EventTypes.IsKnown(r["event_type"])),
                r => Assert.Contains(r["event_type"], ResponseTypes));
        }

        var entities = sample.Files.Where(f => f.Org == "crediflex")
            .SelectMany(f => f.Rows.Where(r => !r.Malformed).Select(f.Canonical))
            .Select(r => r.GetValueOrDefault("legal_entity", ""))
            .Where(e => e.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Crediflex Cards Ltd", "Crediflex Lending Ltd"], entities);
    }

    [Fact]
    public void Each_org_writes_its_own_timestamp_form()
    {
        string First(string org, string column)
        {
            var file = sample.Files.First(f => f.Org == org);
            return file.Canonical(file.Rows[0])[column];
        }

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", First("bluehat", "occurred_at"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", First("jpdit", "occurred_at"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00$", First("netservers", "occurred_at"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", First("halo", "occurred_at"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", First("hexpress", "occurred_at"));
        Assert.DoesNotContain("event_id", sample.Files.First(f => f.Org == "netservers").Header);
    }

    [Fact]
    public void Committed_sample_set_equals_generator_output()
    {
        var root = RepoRoot();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            SampleExportGenerator.WriteCommittedSet(root);
        }

        var committed = Path.Combine(root, "sample-data");
        var expected = Snapshot(sample.Directory);
        var actual = Snapshot(committed, expected.Keys.Where(k => k.StartsWith("mappings/", StringComparison.Ordinal)));
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes == actual[path], $"sample-data/{path} differs from the generator's output; run the tests with {RegenerateVariable}=1");
        }
    }

    /// <summary>Every export file (and the listed others) by relative path, with its bytes as Base64.</summary>
    private static SortedDictionary<string, string> Snapshot(string outDir, IEnumerable<string>? alsoInclude = null)
    {
        var exports = Directory.EnumerateFiles(Path.Combine(outDir, SampleExportGenerator.ExportsFolder))
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Select(f => $"{SampleExportGenerator.ExportsFolder}/{Path.GetFileName(f)}");
        var paths = alsoInclude is null
            ? exports.Concat(Directory.EnumerateFiles(Path.Combine(outDir, SampleExportGenerator.MappingsFolder))
                .Select(f => $"{SampleExportGenerator.MappingsFolder}/{Path.GetFileName(f)}"))
            : exports.Concat(alsoInclude);
        return new SortedDictionary<string, string>(
            paths.ToDictionary(p => p, p => Convert.ToBase64String(File.ReadAllBytes(Path.Combine(outDir, p)))),
            StringComparer.Ordinal);
    }

    private static bool IsContractTimestamp(string text)
    {
        var iso = text.Length > 10 && text[10] == ' ' ? string.Concat(text.AsSpan(0, 10), "T", text.AsSpan(11)) : text;
        return OffsetDateTimePattern.ExtendedIso.Parse(iso).Success || LocalDateTimePattern.ExtendedIso.Parse(iso).Success;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ComplianceAnalytics.sln) was not found.");
    }
}

/// <summary>A unique folder under the system's temporary folder.</summary>
internal static class TempFolder
{
    public static string Create() => Directory.CreateTempSubdirectory("sample-export-").FullName;
}

/// <summary>One data row: its fields in file order, a key that equals another row's exactly when the rows are identical.</summary>
public sealed record ExportRow(string[] Values, string Key, bool Malformed);

/// <summary>An export file as read back for the tests: header (or JSON keys) and rows.</summary>
public sealed record ExportFileContent(string Org, string[] Header, IReadOnlyList<ExportRow> Rows, IReadOnlyDictionary<string, string> HaloEventTypes)
{
    private static readonly Dictionary<string, string> HaloNames = new(StringComparer.Ordinal)
    {
        ["Ref"] = "case_ref", ["ActivityId"] = "event_id", ["Activity"] = "event_type", ["When"] = "occurred_at",
        ["Handler"] = "team", ["Channel"] = "channel", ["Reason"] = "category", ["CustomerKind"] = "customer_type",
        ["CustomerName"] = "customer_name", ["Email"] = "customer_email", ["Phone"] = "customer_phone",
        ["Result"] = "outcome", ["Compensation"] = "redress_amount", ["NewDeadline"] = "due_at", ["Scheme"] = "adr_body",
        ["Comments"] = "notes", ["Service"] = "product", ["Cause"] = "root_cause", ["VulnerableCustomer"] = "vulnerable",
        ["Company"] = "legal_entity",
    };

    /// <summary>The row by canonical column name; absent columns are empty; halo's rows get its org.</summary>
    public IReadOnlyDictionary<string, string> Canonical(ExportRow row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in EventColumns)
        {
            values[name] = string.Empty;
        }

        for (var i = 0; i < Header.Length; i++)
        {
            values[Org == "halo" ? HaloNames[Header[i]] : Header[i]] = row.Values[i];
        }

        // Halo's rows are read as its mapping profile says: a constant org, activity codes mapped.
        if (Org == "halo")
        {
            values["org"] = "halo";
            values["event_type"] = HaloEventTypes.GetValueOrDefault(values["event_type"], values["event_type"]);
        }

        return values;
    }

    private static readonly string[] EventColumns =
    [
        "org", "case_ref", "event_type", "occurred_at", "event_id", "channel", "category", "team", "customer_type",
        "outcome", "redress_amount", "due_at", "adr_body", "customer_name", "customer_email", "customer_phone", "notes",
    ];
}

/// <summary>A strict reader of the generated files: RFC 4180 CSV and JSON Lines.</summary>
internal static class ExportReader
{
    public static ExportFileContent Read(string path, IReadOnlyDictionary<string, string> haloEventTypes)
    {
        var org = Path.GetFileName(path).Split('-')[0];
        var text = File.ReadAllText(path, Encoding.UTF8);
        return path.EndsWith(".jsonl", StringComparison.Ordinal) ? ReadJson(org, text, haloEventTypes) : ReadCsv(org, text, haloEventTypes);
    }

    private static ExportFileContent ReadJson(string org, string text, IReadOnlyDictionary<string, string> haloEventTypes)
    {
        var keys = new List<string>();
        var objects = new List<(Dictionary<string, string>? Values, string Line)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var values = doc.RootElement.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
                    StringComparer.Ordinal);
                keys.AddRange(values.Keys.Where(k => !keys.Contains(k)));
                objects.Add((values, line));
            }
            catch (JsonException)
            {
                objects.Add((null, line));
            }
        }

        var header = keys.ToArray();
        var rows = objects
            .Select(o => new ExportRow(
                o.Values is null ? [] : [.. header.Select(k => o.Values.GetValueOrDefault(k, string.Empty))],
                o.Line,
                o.Values is null))
            .ToList();
        return new ExportFileContent(org, header, rows, haloEventTypes);
    }

    private static ExportFileContent ReadCsv(string org, string text, IReadOnlyDictionary<string, string> haloEventTypes)
    {
        var records = ParseCsv(text.TrimStart('\uFEFF'));
        var header = records[0];
        var rows = records.Skip(1)
            .Select(r => new ExportRow(r, string.Join('\u001f', r), r.Length != header.Length))
            .ToList();
        return new ExportFileContent(org, header, rows, haloEventTypes);
    }

    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "a quoted field runs to the end of the file");
        Assert.True(field.Length == 0 && fields.Count == 0, "the last row has no line end");
        return records;
    }
}
