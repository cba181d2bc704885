namespace ComplianceAnalytics.DuckDb;

/// <summary>Instants as DuckDB stores them: microseconds since 1970-01-01T00:00:00Z.</summary>
internal static class DuckDbConversions
{
    public static DateTime ToDateTime(long micros) =>
        new(DateTime.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>Whole microseconds since the epoch, rounding towards the past; the kind is ignored (DuckDB's values are UTC).</summary>
    public static long ToMicros(DateTime value)
    {
        var (quotient, remainder) = Math.DivRem(value.Ticks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMicrosecond);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
