namespace ComplianceAnalytics.DuckDb;

/// <summary>The values the façade binds, as DuckDB.NET takes them.</summary>
internal static class DuckDbParameters
{
    /// <summary>
    /// Accepts null, string, long, int, double, decimal (exact), bool, DateOnly (DATE), DateTime of kind Utc
    /// (TIMESTAMP), DateTimeOffset or DuckDbTimestamp (TIMESTAMPTZ), byte[] (BLOB) or string?[] (VARCHAR[]).
    /// </summary>
    public static object? ToProviderValue(int index1Based, object? value) => value switch
    {
        null or DBNull => null,
        string or long or int or double or decimal or bool or DateOnly or byte[] => value,
        DateTime { Kind: DateTimeKind.Utc } => value,
        DateTime => throw new ArgumentException(
            $"Parameter {index1Based}: DateTime parameters must have DateTimeKind.Utc; a local or unspecified time is ambiguous.", nameof(value)),
        DateTimeOffset offset => offset.ToUniversalTime(),
        DuckDbTimestamp timestamp => new DateTimeOffset(DuckDbConversions.ToDateTime(timestamp.Micros)),
        string?[] list => list.ToList(),
        _ => throw new ArgumentException($"Parameter {index1Based}: values of type {value.GetType()} cannot be bound.", nameof(value)),
    };
}
