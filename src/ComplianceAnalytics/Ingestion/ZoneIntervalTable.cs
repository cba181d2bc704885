using ComplianceAnalytics.DuckDb;
using NodaTime;
using NodaTime.TimeZones;

namespace ComplianceAnalytics.Ingestion;

/// <summary>
/// Loads a temporary table that lets SQL resolve local times exactly as NodaTime's lenient
/// resolver does (contract §1): one row per zone interval with its local start, the next
/// interval's local start (so the rows of a zone partition the local time line), its offset, and
/// the previous interval's local end and offset. A local time belongs to the row whose range holds
/// it; one before the previous interval's local end is ambiguous and takes the earlier instant (the
/// previous offset); one in a gap keeps the offset before the gap, which shifts it forward by the
/// gap's length. Each row is repeated for every local month it overlaps (column <c>bucket</c>), so
/// that SQL finds a local time's row by an equality join on (zone, month) with one or two
/// candidates, not a range join over every interval of the zone. DuckDB's own ICU conversion resolves ambiguous
/// times to the later instant, so it cannot be used.
/// </summary>
internal static class ZoneIntervalTable
{
    public const string TableName = "zone_intervals";

    private static readonly Instant From = Instant.FromUtc(1900, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2200, 1, 1, 0, 0);

    /// <summary>Creates the table, empty. It lives as long as the connection.</summary>
    public static void Create(DuckDbConnection connection) =>
        connection.Execute($"""
            CREATE OR REPLACE TEMP TABLE {TableName} (
                zone VARCHAR, bucket TIMESTAMP, local_start TIMESTAMP, next_local_start TIMESTAMP, offset_s BIGINT,
                prev_local_end TIMESTAMP, prev_offset_s BIGINT)
            """);

    /// <summary>Adds the intervals of the given zones; call outside a transaction that may roll back.</summary>
    public static void Add(DuckDbConnection connection, IEnumerable<DateTimeZone> zones)
    {
        using var appender = connection.CreateAppender(TableName);
        foreach (var zone in zones.DistinctBy(z => z.Id))
        {
            ZoneInterval? previous = null;
            var intervals = zone.GetZoneIntervals(From, To).ToList();
            for (var i = 0; i < intervals.Count; i++)
            {
                var interval = intervals[i];
                var offset = interval.WallOffset.Seconds;
                var start = interval.HasStart ? interval.Start : From;
                var nextLocalStart = i + 1 < intervals.Count
                    ? LocalMicros(intervals[i + 1].Start, intervals[i + 1].WallOffset.Seconds)
                    : LocalMicros(To, offset);
                var localStart = LocalMicros(start, offset);
                for (var bucket = MonthStart(localStart); bucket < nextLocalStart; bucket = NextMonth(bucket))
                {
                    appender.Append(zone.Id).AppendTimestampMicros(bucket)
                        .AppendTimestampMicros(localStart)
                        .AppendTimestampMicros(nextLocalStart)
                        .Append((long)offset);
                    if (previous is null)
                    {
                        appender.AppendNull().AppendNull();
                    }
                    else
                    {
                        appender.AppendTimestampMicros(LocalMicros(previous.End, previous.WallOffset.Seconds))
                            .Append((long)previous.WallOffset.Seconds);
                    }

                    appender.EndRow();
                }

                previous = interval;
            }
        }
    }

    private static long MonthStart(long localMicros)
    {
        var date = Instant.FromUnixTimeTicks(localMicros * 10).InUtc().Date;
        return Micros(new LocalDate(date.Year, date.Month, 1));
    }

    private static long NextMonth(long monthStartMicros) =>
        Micros(Instant.FromUnixTimeTicks(monthStartMicros * 10).InUtc().Date.PlusMonths(1));

    private static long Micros(LocalDate date) => date.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks() / 10;

    private static long LocalMicros(Instant instant, int offsetSeconds) =>
        (instant.ToUnixTimeTicks() / 10) + (offsetSeconds * 1_000_000L);
}
