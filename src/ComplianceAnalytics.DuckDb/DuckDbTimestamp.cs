namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// An instant as DuckDB stores it: microseconds since 1970-01-01T00:00:00Z. Bound as TIMESTAMPTZ.
/// </summary>
public readonly record struct DuckDbTimestamp(long Micros);
