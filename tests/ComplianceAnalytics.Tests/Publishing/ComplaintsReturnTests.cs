using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// The complaints return (contract §7) worked by hand for Crediflex (Europe/London, England and
/// Wales bank holidays): the time bands' boundaries (3 working days across Easter and the early
/// May bank holiday, 56 days), upheld in part, redress over several events, a vulnerable flag set
/// late, outstanding at the start and end, attributes taken at the period's end, and nil returns.
/// </summary>
public sealed class ComplaintsReturnTests : IDisposable
{
    private const string Header = "org,case_ref,event_type,occurred_at,outcome,redress_amount,product,root_cause,vulnerable,legal_entity";
    private const string Lending = "Crediflex Lending Ltd";
    private const string Cards = "Crediflex Cards Ltd";

    private static readonly string[] Events =
    [
        // A, A2: received Thu 2 April 2026 (BST). Good Friday and Easter Monday are holidays, so the
        // 3rd working day after it is Thu 9 April, ending 22:59:59.999999Z. A closes 30 minutes before, A2 at its end.
        $"crediflex,A,complaint_received,2026-04-02T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,A,closed,2026-04-09T22:30:00Z,,,,delay,,",
        $"crediflex,A2,complaint_received,2026-04-02T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,A2,closed,2026-04-09T23:00:00Z,,,,,,",
        // B: received in H1, closed in H2.
        $"crediflex,B,complaint_received,2026-06-20T10:00:00Z,,,card,,,{Lending}",
        "crediflex,B,closed,2026-07-02T10:00:00Z,,,,,,",
        // C, C2: received Mon 5 January (GMT): 56 days later is 2 March, ending 23:59:59.999999Z.
        $"crediflex,C,complaint_received,2026-01-05T10:00:00Z,,,loan,,,{Lending}",
        "crediflex,C,closed,2026-03-02T23:59:59Z,,,,,,",
        $"crediflex,C2,complaint_received,2026-01-05T10:00:00Z,,,loan,,,{Lending}",
        "crediflex,C2,closed,2026-03-03T00:00:00Z,,,,,,",
        // D: upheld in part; redress on the response and on the close, and one after the period.
        $"crediflex,D,complaint_received,2026-02-02T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,D,response_issued,2026-02-10T09:00:00Z,partially_upheld,50.00,,,,",
        "crediflex,D,closed,2026-02-11T09:00:00Z,,25.50,,fees,,",
        "crediflex,D,acknowledged,2026-07-05T09:00:00Z,,10.00,,,,",
        // E: not upheld when it closed; an ombudsman's later decision does not change the return.
        $"crediflex,E,complaint_received,2026-02-02T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,E,response_issued,2026-02-10T09:00:00Z,not_upheld,,,,,",
        "crediflex,E,closed,2026-02-11T09:00:00Z,,,,,,",
        "crediflex,E,adr_decision,2026-03-01T09:00:00Z,upheld,,,,,",
        // F: upheld at first, not upheld on review, then closed: the latest outcome counts.
        $"crediflex,F,complaint_received,2026-02-02T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,F,response_issued,2026-02-03T09:00:00Z,upheld,,,,,",
        "crediflex,F,escalation_response_issued,2026-02-04T09:00:00Z,not_upheld,,,,,",
        "crediflex,F,closed,2026-02-04T10:00:00Z,,,,,,",
        // G: identified as vulnerable on an event after the close, before the period's end.
        $"crediflex,G,complaint_received,2026-03-02T09:00:00Z,,,loan,,false,{Lending}",
        "crediflex,G,closed,2026-03-20T09:00:00Z,,,,,,",
        "crediflex,G,info_received,2026-06-29T09:00:00Z,,,,,true,",
        // H: identified as vulnerable only after the period's end.
        $"crediflex,H,complaint_received,2026-03-02T09:00:00Z,,,card,,,{Lending}",
        "crediflex,H,closed,2026-03-03T09:00:00Z,,,,,,",
        "crediflex,H,acknowledged,2026-07-03T09:00:00Z,,,,,TRUE,",
        // I: outstanding at the start, closed in the period; J: outstanding throughout; K: closed before.
        $"crediflex,I,complaint_received,2025-12-15T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,I,closed,2026-01-10T09:00:00Z,,,,,,",
        $"crediflex,J,complaint_received,2025-11-01T09:00:00Z,,,loan,,,{Lending}",
        $"crediflex,K,complaint_received,2025-10-01T09:00:00Z,,,loan,,,{Lending}",
        "crediflex,K,closed,2025-12-01T09:00:00Z,,,,,,",
        // M: received Fri 1 May, moved to the cards entity and product later; the early May bank holiday
        // (Mon 4 May) puts the 3rd working day on Thu 7 May. Upheld on the closing event itself.
        $"crediflex,M,complaint_received,2026-05-01T09:00:00Z,,,loan,,true,{Lending}",
        $"crediflex,M,acknowledged,2026-05-02T09:00:00Z,,,card,,,{Cards}",
        "crediflex,M,closed,2026-05-05T09:00:00Z,upheld,,,,,",
        // N: received a second before the period's end (23:59:59 BST), with no entity or product;
        // P: received at the end, so not in the period.
        "crediflex,N,complaint_received,2026-06-30T22:59:59Z,,,,,,",
        "crediflex,P,complaint_received,2026-06-30T23:00:00Z,,,loan,,,",
    ];

    private readonly IngestFixture _f = new();
    private readonly ComplaintsReturn _return;

    public ComplaintsReturnTests()
    {
        _f.Ingest("return.csv", Header + "\n" + string.Join("\n", Events) + "\n");
        _return = new ComplaintsReturn(
            _f.Store,
            _f.Policies,
            new FixedClock(IngestFixture.Now),
            new ReportSettings(Path.Combine(RepositoryPaths.Root, "queries"), Path.Combine(RepositoryPaths.Root, "reports"), 6, "test", "test-version"));
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public void The_first_half_year_counts_each_case_as_worked_by_hand()
    {
        var (returns, causes) = Write("2026-H1");
        Assert.Equal(
            [
                "crediflex,,2026-H1,*,1,0,0,0,0,0,0.00,0,1,0,0,0",
                "crediflex,,2026-H1,,1,0,0,0,0,0,0.00,0,1,0,0,0",
                $"crediflex,{Cards},2026-H1,*,1,1,1,0,0,1,0.00,0,0,1,1,1",
                $"crediflex,{Cards},2026-H1,card,1,1,1,0,0,1,0.00,0,0,1,1,1",
                $"crediflex,{Lending},2026-H1,*,10,10,3,6,1,1,75.50,2,2,1,1,0",
                $"crediflex,{Lending},2026-H1,card,2,1,1,0,0,0,0.00,0,1,0,0,0",
                $"crediflex,{Lending},2026-H1,loan,8,9,2,6,1,1,75.50,2,1,1,1,0",
            ],
            returns.Where(r => r.StartsWith("crediflex,", StringComparison.Ordinal)));
        Assert.Equal(
            [
                $"crediflex,{Cards},2026-H1,,1,1",
                $"crediflex,{Lending},2026-H1,,8,0",
                $"crediflex,{Lending},2026-H1,delay,1,0",
                $"crediflex,{Lending},2026-H1,fees,1,1",
            ],
            causes.Where(r => r.StartsWith("crediflex,", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_next_half_year_counts_the_case_closed_in_it_and_those_still_open()
    {
        var (returns, causes) = Write("2026-H2");

        // B (received Sat 20 June, closed 2 July) is past 3 working days, within 8 weeks; P (received
        // at midnight BST on 1 July) opens in H2; N and J stay outstanding.
        Assert.Equal(
            [
                "crediflex,,2026-H2,*,1,0,0,0,0,0,0.00,1,2,0,0,0",
                "crediflex,,2026-H2,,0,0,0,0,0,0,0.00,1,1,0,0,0",
                "crediflex,,2026-H2,loan,1,0,0,0,0,0,0.00,0,1,0,0,0",
                $"crediflex,{Lending},2026-H2,*,0,1,0,1,0,0,0.00,2,1,0,0,0",
                $"crediflex,{Lending},2026-H2,card,0,1,0,1,0,0,0.00,1,0,0,0,0",
                $"crediflex,{Lending},2026-H2,loan,0,0,0,0,0,0,0.00,1,1,0,0,0",
            ],
            returns.Where(r => r.StartsWith("crediflex,", StringComparison.Ordinal)));
        Assert.Equal([$"crediflex,{Lending},2026-H2,,1,0"], causes.Where(r => r.StartsWith("crediflex,", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_month_is_a_period_too()
    {
        var (returns, _) = Write("2026-04");
        Assert.Equal(
            [
                $"crediflex,{Lending},2026-04,*,2,2,1,1,0,0,0.00,1,1,0,0,0",
                $"crediflex,{Lending},2026-04,loan,2,2,1,1,0,0,0.00,1,1,0,0,0",
            ],
            returns.Where(r => r.StartsWith("crediflex,", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_org_with_no_counted_case_makes_a_nil_return_and_its_workbook_says_so()
    {
        var (returns, causes) = Write("2026-H1");
        Assert.Contains("bluehat,,2026-H1,*,0,0,0,0,0,0,0.00,0,0,0,0,0", returns);
        Assert.DoesNotContain(causes, r => r.StartsWith("bluehat,", StringComparison.Ordinal));
        using var workbook = new ClosedXML.Excel.XLWorkbook(Path.Combine(_f.Folder, "out-2026-H1", "bluehat", ComplaintsReturn.WorkbookName(ReturnPeriod.Parse("2026-H1"))));
        Assert.StartsWith("Nil return", workbook.Worksheet("Return").Cell(5, 1).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outstanding_at_the_end_is_outstanding_at_the_start_plus_opened_less_closed()
    {
        foreach (var period in new[] { "2026-H1", "2026-H2", "2026-04", "2025-H2" })
        {
            var (returns, _) = Write(period);
            Assert.All(returns, row =>
            {
                var f = row.Split(',');
                Assert.Equal(long.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture)
                    + long.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)
                    - long.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(f[12], System.Globalization.CultureInfo.InvariantCulture));
            });
        }
    }

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("2026-13")]
    [InlineData("26-H1")]
    [InlineData("2026-h1")]
    public void A_period_that_is_not_a_half_year_or_a_month_is_refused(string text) =>
        Assert.Throws<FormatException>(() => ReturnPeriod.Parse(text));

    private (List<string> Returns, List<string> Causes) Write(string period)
    {
        var dir = Path.Combine(_f.Folder, "out-" + period);
        _return.Write(ReturnPeriod.Parse(period), dir);
        return (
            [.. File.ReadAllLines(Path.Combine(dir, "complaints_return.csv")).Skip(1)],
            [.. File.ReadAllLines(Path.Combine(dir, "complaints_causes.csv")).Skip(1)]);
    }
}
