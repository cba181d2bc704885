using ComplianceAnalytics.Actions;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// The actions folder as the temporary table <c>actions</c> (one row per action, its scope keys as
/// columns, null where the scope does not restrict), for the director pack's Actions sheet and the
/// markers on its control charts. Created, empty if need be, for every report.
/// </summary>
internal static class ActionTables
{
    public static void Load(ComplianceStore store, ActionSet actions) =>
        ReportTables.LoadActions(store, actions.All.Select(a => new ActionRow(
            a.Id, a.Org, a.Date, a.Scope.ToString(), a.Scope.Stage, a.Scope.Team, a.Scope.Category, a.Scope.RootCause, a.Scope.Product,
            a.Description, a.Owner, a.SourceFile)));
}
