using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>Instants as the store keeps them: TIMESTAMP in microseconds since the epoch, UTC.</summary>
internal static class StoreTime
{
    public static DuckDbTimestamp Timestamp(Instant instant) => new(instant.ToUnixTimeTicks() / 10);

    public static Instant FromMicros(long micros) => Instant.FromUnixTimeTicks(micros * 10);
}
