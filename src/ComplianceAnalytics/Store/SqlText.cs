namespace ComplianceAnalytics.Store;

/// <summary>
/// For the few statements DuckDB cannot parameterise (COPY targets): a value as a SQL string
/// literal, quotes doubled and control characters refused, so it can never end the literal.
/// </summary>
internal static class SqlText
{
    /// <paramref name="value"/> in single quotes with its quotes doubled; a control character in it throws.
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(char.IsControl))
        {
            throw new ArgumentException("A path given to the store may not hold control characters.", nameof(value));
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
