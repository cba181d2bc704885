using System.Globalization;

namespace ComplianceAnalytics.Store;

/// <summary>One interval of an organisation's time zone with one UTC offset, in microseconds: [Start, End).</summary>
public sealed record ZoneOffsetInterval(string Org, long StartMicros, long EndMicros, long OffsetMicros);

/// <summary>
/// policy_zone_offsets and the macro <c>local_time(org, instant)</c> (the local TIMESTAMP, NULL for NULL). Each interval
/// is repeated per bucket of 2^<see cref="BucketBits"/> µs (about 51 days) of the instant line, so that the macro finds an
/// instant's offset by an equality join on (org, bucket) with one or two candidates.
/// </summary>
public static class ZoneOffsets
{
    private const int BucketBits = 42;

    /// <summary>Creates policy_zone_offsets and local_time() and fills the table with the intervals.</summary>
    public static void Load(ComplianceStore store, IEnumerable<ZoneOffsetInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ZoneOffsets.Create")
            .Replace("{bucket_bits}", BucketBits.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        TempRows.Append(store, "policy_zone_offsets", Buckets(intervals), (a, r) =>
            a.Append(r.Interval.Org).Append(r.Bucket).Append(r.Interval.StartMicros).Append(r.Interval.EndMicros).Append(r.Interval.OffsetMicros));
    }

    private static IEnumerable<(ZoneOffsetInterval Interval, long Bucket)> Buckets(IEnumerable<ZoneOffsetInterval> intervals)
    {
        foreach (var interval in intervals)
        {
            for (var bucket = interval.StartMicros >> BucketBits; bucket <= (interval.EndMicros - 1) >> BucketBits; bucket++)
            {
                yield return (interval, bucket);
            }
        }
    }
}
