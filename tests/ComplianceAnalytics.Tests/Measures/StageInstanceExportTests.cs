using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;
using NodaTime.Text;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// <c>stage_instances.csv</c> (contract §6) from an adversarial export, end to end: timestamps resolved by
/// ingestion (§1), clocks (§4) and the file's formatting. The expected file was worked out by hand and by an
/// independent implementation of the contract, and agrees with it to the byte. The cases:
/// C1 a Sunday receipt in the spring-forward gap (01:30 is 02:30 BST), acknowledged at the first instant of
/// 1 April BST, then a business-day pause over Good Friday and Easter Monday;
/// C2 a receipt at 01:30 on the autumn change day (the earlier, BST instant) acknowledged at 01:30 GMT, and an
/// extension to a date;
/// C3 a late extension and a pause after the breach of an hour limit, on the early May bank holiday weekend;
/// C4 an hour limit "extended" while paused to a deadline before the due time the pause so far gives (contract
/// v2 §4: the pause is settled first, so X is not later and nothing is extended), the pause ended by the stop;
/// C5 start, pause, resume, extension and stop at one instant, written in input order stop first;
/// C6 cycles with an orphan stop and a pause at the last microsecond of the due date, still running at as-of;
/// C7 a Saturday receipt acknowledged at the last microsecond of its due date;
/// C8 a Christmas Day receipt with the Boxing Day substitute and New Year's Day;
/// C9 a calendar-day pause with an extension while paused, to a date before the settled due date (v2 §4 again);
/// C10 a pause of one microsecond, written without an exponent;
/// C11 a pause of a day and more with microseconds, written with exactly its microseconds.
/// </summary>
public sealed class StageInstanceExportTests : IDisposable
{
    private const string Policy = """
        org: adv
        name: Adversarial
        time_zone: Europe/London
        holidays: england-and-wales
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
          - id: res
            start: [acknowledged, reopened]
            stop: [response_issued]
            limit: 5 business_days
            pause_on: [info_requested]
            resume_on: [info_received]
            extendable: true
          - id: hrs
            start: [escalation_requested]
            stop: [escalation_response_issued]
            limit: 24 hours
            pause_on: [info_requested]
            resume_on: [info_received]
            extendable: true
          - id: cal
            start: [complaint_received]
            stop: [response_issued]
            limit: 2 weeks
            pause_on: [info_requested]
            resume_on: [info_received]
            extendable: true
        """;

    private const string Calendar = """
        date,name
        2026-01-01,New Year's Day
        2026-04-03,Good Friday
        2026-04-06,Easter Monday
        2026-05-04,Early May bank holiday
        2026-05-25,Spring bank holiday
        2026-08-31,Summer bank holiday
        2026-12-25,Christmas Day
        2026-12-28,Boxing Day (substitute day)
        2027-01-01,New Year's Day
        """;

    private const string Events = """
        org,case_ref,event_type,occurred_at,due_at
        adv,C1,complaint_received,2026-03-29 01:30:00,
        adv,C1,acknowledged,2026-04-01T00:00:00+01:00,
        adv,C1,info_requested,2026-04-02 10:00:00,
        adv,C1,info_received,2026-04-08T09:00:00,
        adv,C1,response_issued,2026-04-14 23:30:00,
        adv,C2,complaint_received,2026-10-25 01:30:00,
        adv,C2,acknowledged,2026-10-25T01:30:00Z,
        adv,C2,deadline_extended,2026-10-30 12:00:00,2026-11-03
        adv,C2,response_issued,2026-11-02 10:00:00,
        adv,C3,complaint_received,2026-05-01 17:00:00,
        adv,C3,escalation_requested,2026-05-01T16:00:00Z,
        adv,C3,deadline_extended,2026-05-02T16:30:00Z,2026-05-05
        adv,C3,info_requested,2026-05-02T17:00:00Z,
        adv,C3,escalation_response_issued,2026-05-03T10:00:00Z,
        adv,C4,escalation_requested,2026-06-01T09:00:00Z,
        adv,C4,info_requested,2026-06-01T21:00:00Z,
        adv,C4,deadline_extended,2026-06-02T12:00:00Z,2026-06-02T20:00:00Z
        adv,C4,info_received,2026-06-03T09:00:00Z,
        adv,C4,escalation_response_issued,2026-06-03T07:00:00Z,
        adv,C5,response_issued,2026-07-01T10:00:00Z,
        adv,C5,deadline_extended,2026-07-01T10:00:00Z,2026-07-20
        adv,C5,info_received,2026-07-01T10:00:00Z,
        adv,C5,info_requested,2026-07-01T10:00:00Z,
        adv,C5,acknowledged,2026-07-01T10:00:00Z,
        adv,C5,complaint_received,2026-07-01T11:00:00+01:00,
        adv,C6,acknowledged,2026-02-02T09:00:00Z,
        adv,C6,response_issued,2026-02-03T09:00:00Z,
        adv,C6,response_issued,2026-02-04T09:00:00Z,
        adv,C6,reopened,2026-02-06T18:00:00Z,
        adv,C6,acknowledged,2026-02-07T09:00:00Z,
        adv,C6,info_requested,2026-02-13T23:59:59.999999Z,
        adv,C7,complaint_received,2026-01-03 10:00:00,
        adv,C7,acknowledged,2026-01-06 23:59:59.999999,
        adv,C8,complaint_received,2026-12-25 12:00:00,
        adv,C8,acknowledged,2026-12-31 09:00:00,
        adv,C9,complaint_received,2026-08-03T09:00:00Z,
        adv,C9,info_requested,2026-08-10T12:00:00Z,
        adv,C9,deadline_extended,2026-08-20T12:00:00Z,2026-08-25T10:00:00+01:00
        adv,C9,info_received,2026-08-24T08:00:00Z,
        adv,C9,response_issued,2026-09-01T12:00:00Z,
        adv,C10,acknowledged,2026-09-01T09:00:00Z,
        adv,C10,info_requested,2026-09-02T10:59:59.999999Z,
        adv,C10,info_received,2026-09-02T11:00:00Z,
        adv,C10,response_issued,2026-09-03T09:00:00Z,
        adv,C11,acknowledged,2026-09-10T09:00:00Z,
        adv,C11,info_requested,2026-09-10T10:00:00.000001Z,
        adv,C11,info_received,2026-09-11T11:45:00Z,
        adv,C11,response_issued,2026-09-14T09:00:00Z,
        """;

    private const string Expected = """
        org,case_ref,stage,cycle,started_at,original_due_at,due_at,stopped_at,status,paused_seconds,extended,limit
        adv,C1,ack,1,2026-03-29T01:30:00Z,2026-03-31T22:59:59.999999Z,2026-03-31T22:59:59.999999Z,2026-03-31T23:00:00Z,breached,0,false,2 business_days
        adv,C1,res,1,2026-03-31T23:00:00Z,2026-04-14T22:59:59.999999Z,2026-04-14T22:59:59.999999Z,2026-04-14T22:30:00Z,met,514800,false,5 business_days
        adv,C1,cal,1,2026-03-29T01:30:00Z,2026-04-18T22:59:59.999999Z,2026-04-18T22:59:59.999999Z,2026-04-14T22:30:00Z,met,514800,false,2 weeks
        adv,C10,res,1,2026-09-01T09:00:00Z,2026-09-08T22:59:59.999999Z,2026-09-08T22:59:59.999999Z,2026-09-03T09:00:00Z,met,0.000001,false,5 business_days
        adv,C11,res,1,2026-09-10T09:00:00Z,2026-09-18T22:59:59.999999Z,2026-09-18T22:59:59.999999Z,2026-09-14T09:00:00Z,met,92699.999999,false,5 business_days
        adv,C2,ack,1,2026-10-25T00:30:00Z,2026-10-27T23:59:59.999999Z,2026-10-27T23:59:59.999999Z,2026-10-25T01:30:00Z,met,0,false,2 business_days
        adv,C2,res,1,2026-10-25T01:30:00Z,2026-10-30T23:59:59.999999Z,2026-11-03T23:59:59.999999Z,2026-11-02T10:00:00Z,met_extended,0,true,5 business_days
        adv,C2,cal,1,2026-10-25T00:30:00Z,2026-11-08T23:59:59.999999Z,2026-11-08T23:59:59.999999Z,2026-11-02T10:00:00Z,met,0,false,2 weeks
        adv,C3,ack,1,2026-05-01T16:00:00Z,2026-05-06T22:59:59.999999Z,2026-05-06T22:59:59.999999Z,,open_breached,0,false,2 business_days
        adv,C3,hrs,1,2026-05-01T16:00:00Z,2026-05-02T16:00:00Z,2026-05-02T16:00:00Z,2026-05-03T10:00:00Z,breached,0,false,24 hours
        adv,C3,cal,1,2026-05-01T16:00:00Z,2027-01-28T23:59:59.999999Z,2027-01-28T23:59:59.999999Z,,open_within,22230000,false,2 weeks
        adv,C4,hrs,1,2026-06-01T09:00:00Z,2026-06-03T19:00:00Z,2026-06-03T19:00:00Z,2026-06-03T07:00:00Z,met,122400,false,24 hours
        adv,C5,ack,1,2026-07-01T10:00:00Z,2026-07-03T22:59:59.999999Z,2026-07-03T22:59:59.999999Z,2026-07-01T10:00:00Z,met,0,false,2 business_days
        adv,C5,res,1,2026-07-01T10:00:00Z,2026-07-08T22:59:59.999999Z,2026-07-20T22:59:59.999999Z,2026-07-01T10:00:00Z,met,0,true,5 business_days
        adv,C5,cal,1,2026-07-01T10:00:00Z,2026-07-15T22:59:59.999999Z,2026-07-20T22:59:59.999999Z,2026-07-01T10:00:00Z,met,0,true,2 weeks
        adv,C6,res,1,2026-02-02T09:00:00Z,2026-02-09T23:59:59.999999Z,2026-02-09T23:59:59.999999Z,2026-02-03T09:00:00Z,met,0,false,5 business_days
        adv,C6,res,2,2026-02-06T18:00:00Z,2027-01-15T23:59:59.999999Z,2027-01-15T23:59:59.999999Z,,open_within,28944000.000001,false,5 business_days
        adv,C7,ack,1,2026-01-03T10:00:00Z,2026-01-06T23:59:59.999999Z,2026-01-06T23:59:59.999999Z,2026-01-06T23:59:59.999999Z,met,0,false,2 business_days
        adv,C7,res,1,2026-01-06T23:59:59.999999Z,2026-01-13T23:59:59.999999Z,2026-01-13T23:59:59.999999Z,,open_breached,0,false,5 business_days
        adv,C7,cal,1,2026-01-03T10:00:00Z,2026-01-17T23:59:59.999999Z,2026-01-17T23:59:59.999999Z,,open_breached,0,false,2 weeks
        adv,C8,ack,1,2026-12-25T12:00:00Z,2026-12-30T23:59:59.999999Z,2026-12-30T23:59:59.999999Z,2026-12-31T09:00:00Z,breached,0,false,2 business_days
        adv,C8,res,1,2026-12-31T09:00:00Z,2027-01-08T23:59:59.999999Z,2027-01-08T23:59:59.999999Z,,open_breached,0,false,5 business_days
        adv,C8,cal,1,2026-12-25T12:00:00Z,2027-01-08T23:59:59.999999Z,2027-01-08T23:59:59.999999Z,,open_breached,0,false,2 weeks
        adv,C9,ack,1,2026-08-03T09:00:00Z,2026-08-05T22:59:59.999999Z,2026-08-05T22:59:59.999999Z,,open_breached,0,false,2 business_days
        adv,C9,cal,1,2026-08-03T09:00:00Z,2026-08-31T22:59:59.999999Z,2026-08-31T22:59:59.999999Z,2026-09-01T12:00:00Z,breached,1195200,false,2 weeks
        """;

    private readonly TempPolicies _policies = new TempPolicies().With("adv.yaml", Policy).With("calendars/england-and-wales.csv", Calendar);
    private readonly ComplianceStore _store = ComplianceStore.Open(":memory:");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "export-" + Guid.NewGuid().ToString("N"));

    public StageInstanceExportTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _store.Dispose();
        _policies.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Adversarial_cases_export_exactly_as_the_contract_reads()
    {
        var set = PolicyLoader.LoadOrThrow(_policies.Folder);
        var path = Path.Combine(_folder, "events.csv");
        File.WriteAllText(path, Events + "\n");
        var zones = set.All.ToDictionary(p => p.Org, p => p.TimeZone, StringComparer.Ordinal);
        var ingestor = new FileIngestor(_store, zones, [], new Pseudonymiser(IngestFixture.Key), new FixedClock(IngestFixture.Now));
        Assert.Equal(48, ingestor.Ingest(path).RowsLoaded);

        var outDir = Path.Combine(_folder, "out");
        StageInstanceExport.WriteCsv(_store, set, InstantPattern.ExtendedIso.Parse("2027-01-15T00:00:00Z").Value, outDir);

        Assert.Equal(Expected + "\n", File.ReadAllText(Path.Combine(outDir, "stage_instances.csv")));
    }
}
