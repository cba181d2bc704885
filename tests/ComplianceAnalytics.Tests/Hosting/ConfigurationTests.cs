using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceAnalytics.Tests.Hosting;

public class ConfigurationTests
{
    [Theory]
    [InlineData("Compliance:TimeZone", "Europe/Atlantis", "Compliance:TimeZone 'Europe/Atlantis'")]
    [InlineData("Compliance:DropFolder", "/no/such/drop", "Compliance:DropFolder '/no/such/drop'")]
    [InlineData("Compliance:Schedules:Ingest", "0 */5 * *", "Compliance:Schedules:Ingest '0 */5 * *'")]
    [InlineData("Compliance:Schedules:Packs", "every morning", "Compliance:Schedules:Packs 'every morning'")]
    [InlineData("Compliance:PoliciesFolder", "/no/such/policies", "Compliance:PoliciesFolder '/no/such/policies'")]
    [InlineData("Compliance:ActionsFolder", "/no/such/actions", "Compliance:ActionsFolder '/no/such/actions'")]
    [InlineData("Compliance:GroupOutcomes:MinClosedCases", "0", "Compliance:GroupOutcomes:MinClosedCases")]
    [InlineData("Compliance:GroupOutcomes:UpholdRateMargin", "10", "Compliance:GroupOutcomes:UpholdRateMargin")]
    public async Task A_bad_setting_stops_the_host_at_start_up_with_a_message_naming_it(string key, string value, string expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "drop"));
        Directory.CreateDirectory(Path.Combine(root, "reports"));
        try
        {
            var settings = HostingFixture.Settings(root, new Dictionary<string, string?> { [key] = value });
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddComplianceJobs(builder.Configuration);
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
            Assert.False(File.Exists(settings["Compliance:Database"]), "the store is not opened with a bad configuration");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Daily_schedules_fire_once_a_day_at_the_same_wall_clock_time_across_both_DST_changes()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        foreach (var (cron, from) in new[]
        {
            ("0 30 1 * * ?", new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero)),   // 01:30 does not exist on 28 March
            ("0 30 1 * * ?", new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero)),  // 01:30 happens twice on 25 October
            ("0 30 6 * * ?", new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero)),
        })
        {
            var times = ComplianceSchedules.NextFireTimes(cron, london, from, 5);
            var days = times.Select(t => DateOnly.FromDateTime(t.DateTime)).ToList();
            Assert.Equal(days.Distinct().Count(), days.Count);
            Assert.Equal(5, days.Distinct().Count());
            Assert.Equal(days[0].AddDays(4), days[^1]);
        }
    }
}
