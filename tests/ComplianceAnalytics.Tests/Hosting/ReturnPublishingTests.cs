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
}
