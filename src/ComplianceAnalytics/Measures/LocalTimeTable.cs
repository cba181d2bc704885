using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// Local times for the queries from NodaTime's time-zone data, the one source the clocks, the months and
/// ingestion use, never DuckDB's ICU (whose zone data can be of another release). policy_zone_offsets holds
/// each organisation's UTC offsets as NodaTime's zone intervals, repeated per bucket of 2^42 µs (about 51
/// days) of the instant line so that the macro <c>local_time(org, instant)</c> finds an instant's offset by an
/// equality join on (org, bucket) with one or two candidates; it returns the local TIMESTAMP (NULL for NULL).
/// </summary>
internal static class LocalTimeTable
{
    private const int BucketBits = 42;

    private static readonly Instant From = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2200, 1, 1, 0, 0);

    public static void Load(DuckDbConnection db, IEnumerable<Policy> policies)
    {
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE policy_zone_offsets (org VARCHAR, bucket BIGINT, start_us BIGINT, end_us BIGINT, offset_us BIGINT);
            CREATE OR REPLACE TEMP MACRO local_time(org_id, t) AS
                (SELECT make_timestamp(epoch_us(t) + z.offset_us) FROM policy_zone_offsets z
                 WHERE z.org = org_id AND z.bucket = (epoch_us(t) >> {BucketBits})
                   AND epoch_us(t) >= z.start_us AND epoch_us(t) < z.end_us);
            """);
        using var offsets = db.CreateAppender("policy_zone_offsets");
        foreach (var policy in policies)
        {
            foreach (var interval in policy.TimeZone.GetZoneIntervals(From, To))
            {
                var start = Micros(interval.HasStart && interval.Start > From ? interval.Start : From);
                var end = Micros(interval.HasEnd && interval.End < To ? interval.End : To);
                var offset = interval.WallOffset.Seconds * 1_000_000L;
                for (var bucket = start >> BucketBits; bucket <= (end - 1) >> BucketBits; bucket++)
                {
                    offsets.Append(policy.Org).Append(bucket).Append(start).Append(end).Append(offset).EndRow();
                }
            }
        }
    }

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;
}
