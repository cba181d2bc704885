using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>An organisation's return period as UTC bounds (return_periods).</summary>
public sealed record ReturnPeriodRow(string Org, string Period, Instant Start, Instant End);

/// <summary>A local date a case may have been received on, its first instant and the two due times the return's time bands compare with (return_days).</summary>
public sealed record ReturnDayRow(string Org, LocalDate Day, Instant DayStart, Instant Due3BusinessDays, Instant Due8Weeks);

/// <summary>The temporary tables of a complaints return (return_periods, return_days), for <c>queries/return/</c>.</summary>
public static class ReturnTables
{
    /// <summary>Creates return_periods and return_days, empty.</summary>
    public static void Create(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReturnTables.Create"));
    }

    /// <summary>Appends to return_periods.</summary>
    public static void AppendPeriods(ComplianceStore store, IEnumerable<ReturnPeriodRow> rows) =>
        TempRows.Append(store, "return_periods", rows, (a, r) => a.Append(r.Org).Append(r.Period).AppendInstant(r.Start).AppendInstant(r.End));

    /// <summary>Appends to return_days.</summary>
    public static void AppendDays(ComplianceStore store, IEnumerable<ReturnDayRow> rows) =>
        TempRows.Append(store, "return_days", rows, (a, r) => a
            .Append(r.Org).AppendDate(r.Day).AppendInstant(r.DayStart).AppendInstant(r.Due3BusinessDays).AppendInstant(r.Due8Weeks));
}
