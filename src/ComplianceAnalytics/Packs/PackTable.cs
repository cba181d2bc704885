namespace ComplianceAnalytics.Packs;

/// <summary>
/// An in-memory result table. Cell values are string, long, int, double, decimal, bool, DateOnly,
/// DateTime (UTC or unspecified) or null; each row has one value per column.
/// </summary>
public sealed record PackTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The index of <paramref name="column"/> (ordinal, case-sensitive), or -1 when the table has no such column.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Document properties of a workbook. Created comes from the caller's clock so output is reproducible.</summary>
public sealed record WorkbookMetadata(string Author, string Subject, DateTime CreatedUtc)
{
    /// <summary>The firm (or group) the workbook is for, named in every sheet's page header.</summary>
    public string? Organisation { get; init; }

    /// <summary>The pack's title, named in every sheet's page header.</summary>
    public string? PackTitle { get; init; }

    /// <summary>The firm's language (its policy's <c>language:</c>): the words, number and date formats of every sheet.</summary>
    public Measures.ReportTexts Texts { get; init; } = Measures.ReportTexts.English;

    /// <summary>The policy's currency (ISO 4217), shown with money columns; none for a group of firms.</summary>
    public string? Currency { get; init; }
}
