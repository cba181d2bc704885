using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Store;

/// <summary>A query's result: its column names and its rows, each value as .NET reads it (null for NULL).</summary>
public sealed record ResultRows(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Runs the measures' SQL (<c>queries/</c>, read by the measures' catalogue: their SQL by design lives there, not
/// beside the Store) on the store and its temporary tables, and reads the result whole.
/// </summary>
public static class MeasureResults
{
    /// <summary>
    /// Runs <paramref name="sql"/>; when <paramref name="parameter"/> is given and the SQL uses <c>$1</c>, it is bound as
    /// <c>$1</c>. A failure is an <see cref="InvalidOperationException"/> whose message starts with <paramref name="source"/>
    /// (the query's file).
    /// </summary>
    public static ResultRows Run(ComplianceStore store, string sql, string? parameter, string source)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            // A query without the parameter runs unprepared: DuckDB turns a PIVOT over values
            // taken from the data into several statements, which cannot be prepared.
            if (parameter is null || !sql.Contains("$1", StringComparison.Ordinal))
            {
                using var plain = store.Connection.Query(sql);
                return Read(plain);
            }

            using var statement = store.Connection.Prepare(sql);
            statement.Bind(1, parameter);
            using var reader = statement.ExecuteReader();
            return Read(reader);
        }
        catch (DuckDbException ex)
        {
            throw new InvalidOperationException($"{source}: {ex.Message}", ex);
        }
    }

    private static ResultRows Read(DuckDbReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsNull(i) ? null : reader.GetColumnType(i) switch
                {
                    DuckDbType.TimestampTz or DuckDbType.Timestamp => reader.GetDateTime(i),
                    DuckDbType.Decimal => reader.GetDecimal(i),
                    DuckDbType.Float or DuckDbType.Double => reader.GetDouble(i),
                    DuckDbType.Boolean => reader.GetBoolean(i),
                    DuckDbType.Date => reader.GetDate(i),
                    DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
                        or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger or DuckDbType.UBigInt
                        or DuckDbType.HugeInt => reader.GetInt64(i),
                    _ => reader.GetString(i),
                };
            }

            rows.Add(row);
        }

        return new ResultRows(columns, rows);
    }
}
