namespace ComplianceAnalytics.Measures;

/// <summary>
/// Cuts one firm's rows out of a query's result, so each firm's workbooks come from the same query
/// results as every other's without holding anything of another firm. A result with an <c>org</c>
/// column keeps the rows of that organisation and the rows with no organisation (e.g. the run's own
/// lines on the Manifest); a result without one is about no firm (counting rules) and is kept whole.
/// Queries whose rows belong to a firm in another way (input files, their rejects and personal data)
/// carry the firm in <c>org</c> (queries/_file_orgs.sql), so no such row escapes the cut.
/// </summary>
internal static class OrgSplit
{
    /// <summary>The column that names a row's organisation; a null value in it marks a row of no firm.</summary>
    public const string OrgColumn = "org";

    /// <summary>The rows of <paramref name="table"/> that belong to <paramref name="org"/> or to no firm; the table itself when it has no org column.</summary>
    public static QueryTable ForOrg(QueryTable table, string org)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = -1;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i], OrgColumn, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return table;
        }

        var rows = table.Rows.Where(r => r[index] is null || string.Equals(r[index] as string, org, StringComparison.Ordinal)).ToList();
        return new QueryTable(table.Columns, rows);
    }
}
