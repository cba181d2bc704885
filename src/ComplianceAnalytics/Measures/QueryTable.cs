namespace ComplianceAnalytics.Measures;

/// <summary>
/// The result of one measure query: column names and rows of typed values (string, long,
/// double, decimal, bool, DateOnly, DateTime in UTC, or null), in the query's own order.
/// </summary>
public sealed record QueryTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
