using System.Text.RegularExpressions;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>The queries read local times from NodaTime's zone data through local_time(), never from DuckDB's ICU.</summary>
public sealed partial class LocalTimeTableTests : IDisposable
{
    private readonly QueryScenario _scenario = new(
        ("acme.yaml", "org: acme\nname: Acme\ntime_zone: Europe/London\nstages:\n  - id: ack\n    start: [complaint_received]\n    stop: [acknowledged]\n    limit: 2 business_days\n"),
        ("nord.yaml", "org: nord\nname: Nord\ntime_zone: Europe/Stockholm\nstages:\n  - id: ack\n    start: [complaint_received]\n    stop: [acknowledged]\n    limit: 2 business_days\n"));

    public void Dispose() => _scenario.Dispose();

    [Theory]
    // Either side of the spring and autumn changes of 2026 (01:00 UTC on 29 March and 25 October), in both zones.
    [InlineData("acme", "2026-03-29T00:59:59.999999Z")]
    [InlineData("acme", "2026-03-29T01:00:00Z")]
    [InlineData("acme", "2026-10-25T00:59:59Z")]
    [InlineData("acme", "2026-10-25T01:00:00Z")]
    [InlineData("acme", "2026-01-31T23:30:00Z")]
    [InlineData("nord", "2026-03-29T00:30:00Z")]
    [InlineData("nord", "2026-03-29T01:30:00Z")]
    [InlineData("nord", "2026-10-31T23:00:00Z")]
    [InlineData("nord", "1969-12-31T23:30:00Z")]
    public void An_instant_reads_as_NodaTime_puts_it_in_the_organisations_zone(string org, string instant)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value;
        var expected = at.InZone(_scenario.Policies.Find(org)!.TimeZone).LocalDateTime;
        var db = _scenario.Store.Connection;
        PolicyTables.Load(_scenario.Store, _scenario.Policies);

        var local = db.Scalar<string>(
            "SELECT strftime(local_time($1, CAST(make_timestamp($2) AS TIMESTAMPTZ)), '%Y-%m-%dT%H:%M:%S.%f')", org, at.ToUnixTimeTicks() / 10);

        Assert.Equal(expected.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff", System.Globalization.CultureInfo.InvariantCulture), local);
    }

    [Fact]
    public void A_missing_instant_has_no_local_time()
    {
        PolicyTables.Load(_scenario.Store, _scenario.Policies);

        Assert.True(_scenario.Store.Connection.Scalar<bool>("SELECT local_time('acme', CAST(NULL AS TIMESTAMPTZ)) IS NULL"));
    }

    [Fact]
    public void No_query_converts_to_a_zone_other_than_UTC_with_DuckDB()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "queries"), "*.sql", SearchOption.AllDirectories)
            .Where(f => ZoneConversion().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName).ToList();

        Assert.Empty(offenders);
    }

    // timezone(x, …) or AT TIME ZONE x, with any x but the literal 'UTC'.
    [GeneratedRegex(@"\btimezone\s*\(\s*(?!'UTC')|AT\s+TIME\s+ZONE\s+(?!'UTC')", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneConversion();
}
