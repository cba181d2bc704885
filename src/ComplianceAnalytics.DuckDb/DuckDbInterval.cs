namespace ComplianceAnalytics.DuckDb;

/// <summary>DuckDB's INTERVAL: months, days and microseconds are kept apart because they do not convert exactly.</summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros);
