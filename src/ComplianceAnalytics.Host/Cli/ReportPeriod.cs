using System.CommandLine;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// The complaints return part of <c>report</c> (contract §6, §7): <c>--period YYYY-H1|YYYY-H2|YYYY-MM</c>
/// writes the return's CSV files and each organisation's return workbook; <c>--month</c> writes the
/// return's CSV files beside the month's measures. Exactly one of the two is given.
/// </summary>
internal static class ReportPeriod
{
    public static readonly Option<string?> Period = new("--period") { Description = "The complaints return's period: YYYY-H1, YYYY-H2 or YYYY-MM." };

    /// <summary>Refuses a command line that gives both or neither of --month and --period.</summary>
    public static void RequireExactlyOne(string? month, string? period)
    {
        if ((month is null) == (period is null))
        {
            throw new ArgumentException("report needs exactly one of --month YYYY-MM and --period YYYY-H1|YYYY-H2|YYYY-MM.");
        }
    }

    /// <summary>Writes the return of <paramref name="period"/> (with its workbooks unless <paramref name="workbooks"/> is false).</summary>
    public static IReadOnlyList<OutputFile> Write(ComplianceWorkspace workspace, string period, string outDir, bool workbooks)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.ComplaintsReturn().Write(ReturnPeriod.Parse(period), outDir, workbooks);
    }
}
