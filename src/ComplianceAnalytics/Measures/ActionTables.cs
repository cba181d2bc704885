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
    public static void Load(ComplianceStore store, ActionSet actions)
    {
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE actions (action_id VARCHAR, org VARCHAR, action_date DATE, scope VARCHAR,
                stage VARCHAR, team VARCHAR, category VARCHAR, root_cause VARCHAR, product VARCHAR,
                description VARCHAR, owner VARCHAR, source_file VARCHAR);
            """);
        using var appender = db.CreateAppender("actions");
        foreach (var a in actions.All)
        {
            appender.Append(a.Id).Append(a.Org).AppendDate(a.Date.ToDateOnly()).Append(a.Scope.ToString());
            appender.Append(a.Scope.Stage).Append(a.Scope.Team).Append(a.Scope.Category).Append(a.Scope.RootCause).Append(a.Scope.Product)
                .Append(a.Description).Append(a.Owner).Append(a.SourceFile).EndRow();
        }
    }
}
