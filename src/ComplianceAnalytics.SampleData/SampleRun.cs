using System.Globalization;
using ComplianceAnalytics.Domain;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.SampleData;

/// <summary>
/// One generation: draws cases in order of receipt, simulates each journey and streams its
/// rows to the per-org, per-month files, planting bad rows on the way. Only the open files
/// and one case's events are held in memory.
/// </summary>
internal sealed class SampleRun : IDisposable
{
    /// <summary>About one row in two hundred gets a bad or hostile companion.</summary>
    private const double PlantRate = 0.005;

    /// <summary>Share of extensions written without their new deadline.</summary>
    private const double MissingDueAtRate = 0.15;

    private const double BlankEventIdRate = 0.01;

    /// <summary>About one row in a thousand gets a bad_value companion (its own random stream).</summary>
    private const double BadValueRate = 0.001;

    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static readonly InstantPattern UtcMillisPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss.fff'Z'");
    private static readonly OffsetDateTimePattern OffsetPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:sso<+HH:mm>");
    private static readonly LocalDateTimePattern LocalSpacePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly LocalDateTimePattern LocalTPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");

    private static readonly string[] Channels = ["email", "email", "email", "phone", "phone", "web_form", "web_form", "chat", "letter", "in_person"];
    private static readonly string[] Categories =
        ["billing", "billing", "service_fault", "service_fault", "data_protection", "delivery", "staff_conduct", "product_quality", "other"];

    private static readonly string[] UnknownEventTypes = ["complaint_updated", "callback_scheduled", "Response Issued"];
    private static readonly string[] BadTimestamps = ["31/02/2026", "yesterday", "2026-02-31 10:00:00", "2026-13-01T09:00:00Z"];
    private static readonly string[] FormulaTexts =
        ["=HYPERLINK(\"http://example.com/claim\",\"Claim your refund\")", "=HYPERLINK(\"http://example.org/x\",\"Details\")"];

    private static readonly PlantedRowKind[] CanonicalKinds =
    [
        PlantedRowKind.MissingCaseRef, PlantedRowKind.UnknownEventType, PlantedRowKind.BadTimestamp, PlantedRowKind.UnknownOrg,
        PlantedRowKind.DuplicateWithinFile, PlantedRowKind.DuplicateAcrossFiles, PlantedRowKind.MalformedRow, PlantedRowKind.FormulaText,
    ];

    // Halo's file has no org column, and an unknown activity there is ignored by its profile, not rejected.
    private static readonly PlantedRowKind[] HaloKinds =
    [
        PlantedRowKind.MissingCaseRef, PlantedRowKind.BadTimestamp, PlantedRowKind.DuplicateWithinFile,
        PlantedRowKind.DuplicateAcrossFiles, PlantedRowKind.MalformedRow, PlantedRowKind.FormulaText,
    ];

    private readonly SampleOptions _options;
    // Replaced for the orgs drawn on their own (SampleOrg.OwnDraw), after the shared draw.
    private Random _random;
    private readonly Random _attributes;
    private readonly Random _badValues;
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb["Europe/London"];
    private readonly Policies.BusinessCalendar _calendar;
    private JourneySimulator _simulator;
    private FakePeople _people;
    private readonly LocalDate _firstMonth;
    private readonly LocalDate _end;
    private readonly Instant _cutoff;
    private readonly string _exportsDir;
    private readonly Dictionary<(int Org, int Month), ExportFile> _files = [];
    private readonly int[] _caseNumbers = new int[SampleOrg.All.Count];
    // One event-id counter per org, and a last one for the planted rows of the unknown org.
    private readonly int[] _eventNumbers = new int[SampleOrg.All.Count + 1];
    private readonly Dictionary<PlantedRowKind, int> _planted = Enum.GetValues<PlantedRowKind>().ToDictionary(k => k, _ => 0);
    private readonly string?[] _row = new string?[ExportColumns.Count];
    private readonly List<SampleEvent> _events = [];
    private int _unmapped;

    public SampleRun(SampleOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _attributes = new Random(unchecked(options.Seed * 31) + 7);
        _badValues = new Random(unchecked(options.Seed * 37) + 11);
        _firstMonth = new LocalDate(options.Start.Year, options.Start.Month, 1);
        _end = _firstMonth.PlusMonths(options.Months);
        _cutoff = _end.AtStartOfDayInZone(_zone).ToInstant();
        _calendar = SampleCalendar.EnglandAndWales(options.Start.Year - 1, _end.Year + 2);
        _simulator = new JourneySimulator(_random, _calendar, _zone);
        _people = new FakePeople(_random);
        _exportsDir = Path.Combine(options.OutDir, SampleExportGenerator.ExportsFolder);
    }

    public SampleSummary Execute()
    {
        Directory.CreateDirectory(_exportsDir);
        var mappingsDir = Path.Combine(_options.OutDir, SampleExportGenerator.MappingsFolder);
        Directory.CreateDirectory(mappingsDir);
        var mappingPath = Path.Combine(mappingsDir, "halo.yaml");
        File.WriteAllText(mappingPath, HaloLayout.MappingProfile());

        var days = Period.Between(_options.Start, _end, PeriodUnits.Days).Days;
        for (var i = 0; i < _options.Cases; i++)
        {
            // Spreading receipts evenly over the period keeps case numbers rising with time.
            var day = _options.Start.PlusDays((int)((i + _random.NextDouble()) * days / _options.Cases));
            var (received, dstNight) = ReceiptMoment(day);
            var orgIndex = dstNight ? LocalTimeOrg() : PickOrg();
            WriteCase(orgIndex, received);
        }

        var cases = _options.Cases;
        var sharedVolume = SampleOrg.SharedDraw.Sum(i => SampleOrg.All[i].Volume);
        foreach (var orgIndex in Enumerable.Range(0, SampleOrg.All.Count).Where(i => SampleOrg.All[i].OwnDraw))
        {
            _random = new Random(unchecked((_options.Seed * 31) + orgIndex));
            _simulator = new JourneySimulator(_random, _calendar, _zone);
            _people = new FakePeople(_random);
            var count = (int)Math.Round(_options.Cases * SampleOrg.All[orgIndex].Volume / sharedVolume);
            for (var i = 0; i < count; i++)
            {
                var day = _options.Start.PlusDays((int)((i + _random.NextDouble()) * days / count));
                WriteCase(orgIndex, ReceiptMoment(day).Received);
            }

            cases += count;
        }

        var files = _files.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            file.Dispose();
        }

        return new SampleSummary(
            cases,
            [.. files.Select(f => new SampleFile(f.RelativePath, f.Rows, new FileInfo(f.FullPath).Length))],
            $"{SampleExportGenerator.MappingsFolder}/halo.yaml",
            _planted,
            _unmapped);
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }
    }

    private void WriteCase(int orgIndex, Instant received)
    {
        var org = SampleOrg.All[orgIndex];
        var number = ++_caseNumbers[orgIndex];
        var category = Categories[_random.Next(Categories.Length)];
        var sampleCase = new SampleCase(
            org.CaseRefPrefix + (100000 + number).ToString(CultureInfo.InvariantCulture),
            Channels[_random.Next(Channels.Length)],
            category,
            org.Teams[_random.Next(org.Teams.Length)],
            org.CustomerTypes[_random.Next(org.CustomerTypes.Length)],
            _people.Customer(org.Id),
            _people.Note(),
            SampleTaxonomy.Of(org.Id).Draw(_attributes));
        _simulator.Simulate(org, sampleCase, received, _events);
        foreach (var e in _events)
        {
            // The export was taken at the end of the period: later events have not happened yet.
            if (e.At >= _cutoff)
            {
                break;
            }

            WriteEvent(orgIndex, sampleCase, e);
        }
    }

    private void WriteEvent(int orgIndex, SampleCase sampleCase, SampleEvent e)
    {
        var org = SampleOrg.All[orgIndex];
        var month = MonthIndex(e.At);
        var file = FileFor(orgIndex, month);
        FillRow(orgIndex, sampleCase, e);

        if (e.Type == SampleEvent.NoteAdded)
        {
            file.Write(_row);
            _unmapped++;
            return;
        }

        if (e.Type == EventTypes.DeadlineExtended && _random.NextDouble() < MissingDueAtRate)
        {
            _row[ExportColumns.DueAt] = null;
            file.Write(_row);
            _planted[PlantedRowKind.MissingDueAt]++;
            return;
        }

        if (_random.NextDouble() >= PlantRate)
        {
            file.Write(_row);
            PlantBadValue(file);
            return;
        }

        var kinds = org.Layout == ExportLayout.HaloCsv ? HaloKinds : CanonicalKinds;
        var kind = kinds[_random.Next(kinds.Length)];
        _planted[kind]++;
        if (kind == PlantedRowKind.FormulaText)
        {
            _row[_random.Next(2) == 0 ? ExportColumns.Team : ExportColumns.Category] = FormulaTexts[_random.Next(FormulaTexts.Length)];
            file.Write(_row);
            return;
        }

        file.Write(_row);
        switch (kind)
        {
            case PlantedRowKind.DuplicateWithinFile:
                file.Write(_row);
                return;
            case PlantedRowKind.DuplicateAcrossFiles:
                // The next month's export overlaps this one (or the previous month's, at the end).
                var neighbour = month + 1 < _options.Months ? month + 1 : month - 1;
                FileFor(orgIndex, neighbour >= 0 ? neighbour : month).Write(_row);
                return;
            case PlantedRowKind.MissingCaseRef:
                _row[ExportColumns.CaseRef] = null;
                break;
            case PlantedRowKind.UnknownEventType:
                _row[ExportColumns.EventType] = UnknownEventTypes[_random.Next(UnknownEventTypes.Length)];
                break;
            case PlantedRowKind.BadTimestamp:
                _row[ExportColumns.OccurredAt] = BadTimestamps[_random.Next(BadTimestamps.Length)];
                break;
            case PlantedRowKind.UnknownOrg:
                _row[ExportColumns.Org] = "acme";
                _row[ExportColumns.CaseRef] = "ACME-" + _random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);
                break;
        }

        // The companion is a different event of the source system, not a duplicate of the original.
        if (_row[ExportColumns.EventId] is not null)
        {
            _row[ExportColumns.EventId] = NextEventId(kind == PlantedRowKind.UnknownOrg ? SampleOrg.All.Count : orgIndex, _row[ExportColumns.Org]!);
        }

        file.Write(_row, malformed: kind == PlantedRowKind.MalformedRow);
    }

    /// <summary>
    /// Sometimes writes the row again with a value a source system garbled: a vulnerability flag
    /// of "maybe", or redress with a decimal comma. Ingestion rejects it as bad_value (validated
    /// before any duplicate test), so the audit pack has some to show.
    /// </summary>
    private void PlantBadValue(ExportFile file)
    {
        if (_badValues.NextDouble() >= BadValueRate)
        {
            return;
        }

        if (_badValues.Next(2) == 0)
        {
            _row[ExportColumns.Vulnerable] = "maybe";
        }
        else
        {
            _row[ExportColumns.RedressAmount] = "12,50";
        }

        _planted[PlantedRowKind.BadValue]++;
        file.Write(_row);
    }

    private void FillRow(int orgIndex, SampleCase sampleCase, SampleEvent e)
    {
        var org = SampleOrg.All[orgIndex];
        var row = _row;
        Array.Clear(row);
        var received = e.Type == EventTypes.ComplaintReceived;
        row[ExportColumns.Org] = org.Id;
        row[ExportColumns.CaseRef] = sampleCase.CaseRef;
        row[ExportColumns.EventType] = org.Layout == ExportLayout.HaloCsv ? HaloLayout.Activity(e.Type) : e.Type;
        row[ExportColumns.OccurredAt] = Format(org.Timestamps, e.At);
        if (org.HasEventId && _random.NextDouble() >= BlankEventIdRate)
        {
            row[ExportColumns.EventId] = NextEventId(orgIndex, org.Id);
        }

        // The JSON source repeats the case's attributes on its first event only.
        if (received || org.Layout != ExportLayout.JsonLines)
        {
            row[ExportColumns.Channel] = sampleCase.Channel;
            row[ExportColumns.Category] = sampleCase.Category;
            row[ExportColumns.CustomerType] = sampleCase.CustomerType;
        }

        // Product and legal entity travel with the case's attributes; the root cause is the firm's
        // finding, written on its responses; vulnerability is flagged at receipt, or later for some.
        var attributes = sampleCase.Attributes;
        if (received || org.Layout != ExportLayout.JsonLines)
        {
            row[ExportColumns.Product] = attributes.Product;
            row[ExportColumns.LegalEntity] = attributes.LegalEntity;
        }

        if (e.Type is EventTypes.ResponseIssued or EventTypes.EscalationResponseIssued)
        {
            row[ExportColumns.RootCause] = attributes.RootCause;
        }

        if (received)
        {
            row[ExportColumns.Vulnerable] = attributes.Vulnerable && !attributes.VulnerableLate ? "true" : "false";
        }
        else if (attributes.VulnerableLate && e.Type == EventTypes.ResponseIssued)
        {
            row[ExportColumns.Vulnerable] = "true";
        }

        row[ExportColumns.Team] = e.Team;
        row[ExportColumns.Outcome] = e.Outcome;
        row[ExportColumns.RedressAmount] = e.Redress?.ToString("0.00", CultureInfo.InvariantCulture);
        if (e.DueDate is LocalDate due)
        {
            row[ExportColumns.DueAt] = org.DueAtAsDate
                ? DatePattern.Format(due)
                : Format(org.Timestamps, (due + new LocalTime(17, 0)).InZoneLeniently(_zone).ToInstant());
        }

        row[ExportColumns.AdrBody] = e.AdrBody;
        if (received)
        {
            row[ExportColumns.CustomerName] = sampleCase.Customer.Name;
            row[ExportColumns.CustomerEmail] = sampleCase.Customer.Email;
            row[ExportColumns.CustomerPhone] = sampleCase.Customer.Phone;
            row[ExportColumns.Notes] = sampleCase.Notes;
        }
        else if (e.Type == SampleEvent.NoteAdded)
        {
            row[ExportColumns.Notes] = "Called customer, left a voicemail";
        }

        row[ExportColumns.Extra] = org.ExtraColumn?.Value;
    }

    private string Format(TimestampStyle style, Instant instant) => style switch
    {
        TimestampStyle.Utc => UtcPattern.Format(instant),
        TimestampStyle.UtcMillis => UtcMillisPattern.Format(instant),
        TimestampStyle.Offset => OffsetPattern.Format(instant.InZone(_zone).ToOffsetDateTime()),
        TimestampStyle.LocalSpace => LocalSpacePattern.Format(instant.InZone(_zone).LocalDateTime),
        _ => LocalTPattern.Format(instant.InZone(_zone).LocalDateTime),
    };

    private string NextEventId(int counter, string org) =>
        string.Create(CultureInfo.InvariantCulture, $"{org}-E{++_eventNumbers[counter]:D7}");

    private ExportFile FileFor(int orgIndex, int month)
    {
        if (_files.TryGetValue((orgIndex, month), out var file))
        {
            return file;
        }

        var org = SampleOrg.All[orgIndex];
        var extension = org.Layout == ExportLayout.JsonLines ? "jsonl" : "csv";
        var name = string.Create(CultureInfo.InvariantCulture, $"{org.Id}-{_firstMonth.PlusMonths(month):yyyy'-'MM}.{extension}");
        var fullPath = Path.Combine(_exportsDir, name);
        var relativePath = $"{SampleExportGenerator.ExportsFolder}/{name}";
        file = org.Layout switch
        {
            ExportLayout.JsonLines => new JsonLinesExportFile(fullPath, relativePath),
            ExportLayout.HaloCsv => new CsvExportFile(fullPath, relativePath, org.Bom, org.LineEnd, HaloLayout.Columns),
            _ => new CsvExportFile(fullPath, relativePath, org.Bom, org.LineEnd, CanonicalLayout(orgIndex)),
        };
        _files[(orgIndex, month)] = file;
        return file;
    }

    /// <summary>
    /// The canonical columns in the org's own order. The order is a property of the org's
    /// system, so it is drawn from the org's position, not from the sample's seed.
    /// </summary>
    private static List<(string Name, int Column)> CanonicalLayout(int orgIndex)
    {
        var org = SampleOrg.All[orgIndex];
        var columns = ExportColumns.CanonicalNames
            .Select((name, column) => (name, column))
            .Where(c => org.HasEventId || c.column != ExportColumns.EventId)
            .ToList();
        if (org.ExtraColumn is { } extra)
        {
            columns.Add((extra.Name, ExportColumns.Extra));
        }

        var order = new Random(1000 + orgIndex);
        for (var i = columns.Count - 1; i > 0; i--)
        {
            var j = order.Next(i + 1);
            (columns[i], columns[j]) = (columns[j], columns[i]);
        }

        return columns;
    }

    private int MonthIndex(Instant instant)
    {
        var date = instant.InZone(_zone).Date;
        return ((date.Year - _firstMonth.Year) * 12) + date.Month - _firstMonth.Month;
    }

    /// <summary>
    /// When a complaint arrives on <paramref name="day"/>: office hours mostly, some evenings
    /// and nights, some weekends and bank holidays, and on the nights the clocks change some
    /// arrive in the missing or repeated hour.
    /// </summary>
    private (Instant Received, bool DstNight) ReceiptMoment(LocalDate day)
    {
        var midnight = day.AtStartOfDayInZone(_zone).ToInstant();
        var nextMidnight = day.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();
        if (nextMidnight - midnight != Duration.FromHours(24) && _random.NextDouble() < 0.6)
        {
            var night = new LocalTime(0, 30).PlusSeconds(_random.Next(150 * 60));
            return ((day + night).InZoneLeniently(_zone).ToInstant(), true);
        }

        if (!_calendar.IsWorkingDay(day) && _random.NextDouble() >= 0.35)
        {
            var next = _calendar.AddWorkingDays(day, 1);
            day = next < _end ? next : day;
        }

        int seconds;
        if (_calendar.IsWorkingDay(day))
        {
            var draw = _random.NextDouble();
            seconds = draw switch
            {
                < 0.84 => (8 * 3600) + 1800 + _random.Next(9 * 3600),
                < 0.97 => (17 * 3600) + 1800 + _random.Next(6 * 3600),
                _ => _random.Next(7 * 3600),
            };
        }
        else
        {
            seconds = (9 * 3600) + _random.Next(12 * 3600);
        }

        var time = LocalTime.Midnight.PlusSeconds(seconds).PlusMilliseconds(_random.Next(1000));
        return ((day + time).InZoneLeniently(_zone).ToInstant(), false);
    }

    private int PickOrg()
    {
        var shared = SampleOrg.SharedDraw.ToList();
        var draw = _random.NextDouble() * shared.Sum(i => SampleOrg.All[i].Volume);
        foreach (var i in shared.SkipLast(1))
        {
            draw -= SampleOrg.All[i].Volume;
            if (draw < 0)
            {
                return i;
            }
        }

        return shared[^1];
    }

    /// <summary>A night receipt at a clock change matters most where times are written without an offset.</summary>
    private int LocalTimeOrg()
    {
        var local = Enumerable.Range(0, SampleOrg.All.Count)
            .Where(i => SampleOrg.All[i].Timestamps is TimestampStyle.LocalSpace or TimestampStyle.LocalT)
            .ToList();
        return local[_random.Next(local.Count)];
    }
}
