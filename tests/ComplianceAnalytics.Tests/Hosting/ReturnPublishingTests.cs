using ClosedXML.Excel;
using ComplianceAnalytics.Hosting;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>The packs job publishes the complaints return of each half-year once it has closed, by the monthly packs' rules.</summary>
public sealed class ReturnPublishingTests
{
    [Fact]
    public async Task Each_closed_half_year_with_data_gets_its_return_and_a_changed_one_is_republished()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-may.csv", new LocalDate(2026, 5, 6), cases: 2, prefix: "M");
        fixture.Drop("jpdit-oct.csv", new LocalDate(2026, 10, 6), cases: 2, prefix: "O");
        await fixture.IngestAsync();

        // Mid-December 2026: 2026-H1 has closed, 2026-H2 has not.
        var first = await fixture.PacksAsync();
        Assert.Equal(RunOutcomes.Succeeded, first.Outcome);
        var h1 = Path.Combine(fixture.PublishFolder, "2026-H1");
        Assert.True(File.Exists(Path.Combine(h1, "complaints_return.csv")));
        Assert.True(File.Exists(Path.Combine(h1, "complaints_causes.csv")));
        Assert.True(File.Exists(Path.Combine(h1, "jpdit", "complaints-return-2026-H1.xlsx")));
        Assert.False(Directory.Exists(Path.Combine(fixture.PublishFolder, "2026-H2")));
        Assert.Contains("returns 2026-H1..2026-H1: 1 published: 2026-H1", first.Detail, StringComparison.Ordinal);
        Assert.Contains(first.Outputs, o => o.Path.EndsWith(Path.Combine("2026-H1", "complaints_return.csv"), StringComparison.Ordinal));

        var unchanged = await fixture.PacksAsync();
        Assert.Contains("returns 2026-H1..2026-H1: 0 published (all up to date)", unchanged.Detail, StringComparison.Ordinal);

        fixture.Drop("jpdit-jun.csv", new LocalDate(2026, 6, 10), cases: 3, prefix: "J");
        await fixture.IngestAsync();
        var republished = await fixture.PacksAsync();
        Assert.Contains("2026-H1 (republished)", republished.Detail, StringComparison.Ordinal);
        var superseded = Directory.GetDirectories(Path.Combine(h1, PackPublisher.SupersededFolder));
        Assert.Single(superseded);
        Assert.True(File.Exists(Path.Combine(superseded[0], "complaints_return.csv")));
        Assert.True(File.Exists(Path.Combine(superseded[0], "jpdit", "complaints-return-2026-H1.xlsx")));
        var opened = File.ReadAllLines(Path.Combine(h1, "complaints_return.csv"))
            .Single(l => l.StartsWith("jpdit,", StringComparison.Ordinal) && l.Split(',')[3] == "*")
            .Split(',')[4];
        Assert.Equal("5", opened);
    }

    [Fact]
    public async Task A_half_year_whose_data_stops_short_waits_for_the_grace_then_is_published_marked_incomplete()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-may.csv", new LocalDate(2026, 5, 6), cases: 2, prefix: "M");
        await fixture.IngestAsync();

        // 5 July 2026: 2026-H1 has closed, but jpdit's data ends on 6 May; the grace (10 days by default) runs.
        fixture.Clock.Now = Instant.FromUtc(2026, 7, 5, 9, 0);
        var held = await fixture.PacksAsync();
        Assert.Equal(RunOutcomes.Succeeded, held.Outcome);
        Assert.Contains("returns 2026-H1..2026-H1: 0 published; 2026-H1 waits for data of jpdit until 2026-07-11", held.Detail, StringComparison.Ordinal);
        var h1 = Path.Combine(fixture.PublishFolder, "2026-H1");
        Assert.False(Directory.Exists(h1));

        fixture.Clock.Now = Instant.FromUtc(2026, 7, 12, 9, 0);
        var late = await fixture.PacksAsync();
        Assert.Contains("returns 2026-H1..2026-H1: 1 published: 2026-H1 (incomplete: jpdit)", late.Detail, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(Path.Combine(h1, "jpdit", "complaints-return-2026-H1.xlsx"));
        Assert.Equal(
            "Data incomplete: this firm's events end at 6 May 2026 10:00, before the period's end; what happened after it is not counted.",
            workbook.Worksheet("Return").Cell(4, 1).GetString());
        // A firm with no data at all is a nil return, not an incomplete one.
        using var nil = new XLWorkbook(Path.Combine(h1, "bluehat", "complaints-return-2026-H1.xlsx"));
        Assert.Equal(string.Empty, nil.Worksheet("Return").Cell(4, 1).GetString());
    }
}
