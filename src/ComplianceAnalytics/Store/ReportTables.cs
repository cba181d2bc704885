using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One organisation's calendar month as UTC bounds (report_months).</summary>
public sealed record ReportMonthRow(string Org, string Month, Instant Start, Instant End);

/// <summary>One text of an organisation's language (report_texts).</summary>
public sealed record ReportTextRow(string Org, string Key, string Text);

/// <summary>One measure's margin for Outcomes by group (outcome_margins).</summary>
public sealed record OutcomeMarginRow(string Measure, double Margin, int MinClosed);

/// <summary>One improvement action with its scope keys, null where the scope does not restrict (actions).</summary>
public sealed record ActionRow(
    string Id, string Org, LocalDate Date, string Scope, string? Stage, string? Team, string? Category, string? RootCause, string? Product,
    string? Description, string? Owner, string? SourceFile);

/// <summary>The report run's own facts (report_run).</summary>
public sealed record ReportRunRow(string Month, Instant GeneratedAt, string SoftwareVersion, int RetentionYears, Instant RetentionCutoff, string KeySource);

/// <summary>One file a report was made from, with its SHA-256 (report_files).</summary>
public sealed record ReportFileRow(string Kind, string Name, string Sha256);

/// <summary>
/// The temporary tables a month's report reads beside the events (report_months, report_params, report_texts and
/// its macros, outcome_margins, actions, report_run, report_files): created and filled with the rows the measures give.
/// </summary>
public static class ReportTables
{
    /// <summary>Creates report_months and report_params, empty.</summary>
    public static void CreateMonths(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReportTables.Months"));
    }

    /// <summary>Appends the months to report_months.</summary>
    public static void AppendMonths(ComplianceStore store, IEnumerable<ReportMonthRow> months) =>
        TempRows.Append(store, "report_months", months, (a, m) => a.Append(m.Org).Append(m.Month).AppendInstant(m.Start).AppendInstant(m.End));

    /// <summary>Writes report_params' one row.</summary>
    public static void InsertParams(ComplianceStore store, string month, string firstMonth, long minCases, double defaultTarget, long dueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReportTables.Params"), month, firstMonth, minCases, defaultTarget, dueSoonDays);
    }

    /// <summary>Creates report_texts and the macros the cover queries compose their sentences with, and appends the texts.</summary>
    public static void LoadTexts(ComplianceStore store, IEnumerable<ReportTextRow> texts)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReportTables.Texts"));
        TempRows.Append(store, "report_texts", texts, (a, t) => a.Append(t.Org).Append(t.Key).Append(t.Text));
    }

    /// <summary>Creates outcome_margins with the given margins.</summary>
    public static void LoadMargins(ComplianceStore store, IEnumerable<OutcomeMarginRow> margins)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReportTables.Margins"));
        TempRows.Append(store, "outcome_margins", margins, (a, m) => a.Append(m.Measure).Append(m.Margin).Append(m.MinClosed));
    }

    /// <summary>Creates actions with the given actions (empty when there are none).</summary>
    public static void LoadActions(ComplianceStore store, IEnumerable<ActionRow> actions)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("ReportTables.Actions"));
        TempRows.Append(store, "actions", actions, (a, r) => a
            .Append(r.Id).Append(r.Org).AppendDate(r.Date).Append(r.Scope)
            .Append(r.Stage).Append(r.Team).Append(r.Category).Append(r.RootCause).Append(r.Product)
            .Append(r.Description).Append(r.Owner).Append(r.SourceFile));
    }

    /// <summary>Creates report_run with the run's row and report_files with the files.</summary>
    public static void LoadRun(ComplianceStore store, ReportRunRow run, IEnumerable<ReportFileRow> files)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        store.Connection.Execute(StoreSql.Get("ReportTables.ReportRun"));
        TempRows.Append(store, "report_run", [run], (a, r) => a
            .Append(r.Month).AppendInstant(r.GeneratedAt).Append(r.SoftwareVersion)
            .Append(r.RetentionYears).AppendInstant(r.RetentionCutoff).Append(r.KeySource));
        TempRows.Append(store, "report_files", files, (a, f) => a.Append(f.Kind).Append(f.Name).Append(f.Sha256));
    }
}
