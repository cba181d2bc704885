using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// Local times for the queries from NodaTime's time-zone data, the one source the clocks, the months and
/// ingestion use, never DuckDB's ICU (whose zone data can be of another release). policy_zone_offsets holds
/// each organisation's UTC offsets as NodaTime's zone intervals, from 1900 to 2200, so that the macro
/// <c>local_time(org, instant)</c> returns an instant's local TIMESTAMP (NULL for NULL); how the store finds the
/// offset is <see cref="ZoneOffsets"/>'s.
/// </summary>
internal static class LocalTimeTable
{
    private static readonly Instant From = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2200, 1, 1, 0, 0);

    public static void Load(ComplianceStore store, IEnumerable<Policy> policies) =>
        ZoneOffsets.Load(store, policies.SelectMany(policy => policy.TimeZone.GetZoneIntervals(From, To).Select(interval => new ZoneOffsetInterval(
            policy.Org,
            Micros(interval.HasStart && interval.Start > From ? interval.Start : From),
            Micros(interval.HasEnd && interval.End < To ? interval.End : To),
            interval.WallOffset.Seconds * 1_000_000L))));

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;
}
