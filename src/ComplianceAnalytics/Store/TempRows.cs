using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>Appends rows given by the measures to one of the store's temporary tables, one appender per table.</summary>
internal static class TempRows
{
    /// <summary>Appends each of <paramref name="rows"/> to <paramref name="table"/>, its values written by <paramref name="append"/>; rows are read as they are appended.</summary>
    public static void Append<T>(ComplianceStore store, string table, IEnumerable<T> rows, Action<DuckDbAppender, T> append)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rows);
        using var appender = store.Connection.CreateAppender(table);
        foreach (var row in rows)
        {
            append(appender, row);
            appender.EndRow();
        }
    }

    /// <summary>A DATE, or NULL when <paramref name="date"/> is null.</summary>
    public static DuckDbAppender AppendDate(this DuckDbAppender appender, LocalDate? date) =>
        date is { } d ? appender.AppendDate(d.ToDateOnly()) : appender.AppendNull();

    /// <summary>A TIMESTAMPTZ in microseconds.</summary>
    public static DuckDbAppender AppendInstant(this DuckDbAppender appender, Instant instant) =>
        appender.AppendTimestampMicros(instant.ToUnixTimeTicks() / 10);
}
