using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Options;
using NodaTime;
using Quartz;

namespace ComplianceAnalytics.Hosting;

/// <summary>Checks the configuration at start-up; each failure names the setting it is about.</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    /// <summary>Verbs given their own paths (ingest, report) do not need the drop folder.</summary>
    public bool RequireDropFolder { get; init; } = true;

    /// <summary>Only verbs that write reports need the queries and pack definitions.</summary>
    public bool RequireReportFolders { get; init; } = true;

    /// <summary>Every setting checked at once: the result lists each failure as one line naming the setting and what is wrong.</summary>
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(message);
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.Database), "Compliance:Database must name the store file.");
        Require(!string.IsNullOrWhiteSpace(options.PublishFolder), "Compliance:PublishFolder must name a folder.");
        Require(Directory.Exists(options.PoliciesFolder), $"Compliance:PoliciesFolder '{options.PoliciesFolder}' is not a readable folder.");
        Require(!RequireDropFolder || IsReadableFolder(options.DropFolder), $"Compliance:DropFolder '{options.DropFolder}' is not a readable folder.");
        Require(
            !RequireReportFolders || Directory.Exists(options.QueriesFolder),
            $"Compliance:QueriesFolder '{options.QueriesFolder}' is not a readable folder.");
        Require(
            !RequireReportFolders || Directory.Exists(options.ReportsFolder),
            $"Compliance:ReportsFolder '{options.ReportsFolder}' is not a readable folder.");
        Require(
            string.IsNullOrEmpty(options.MappingsFolder) || Directory.Exists(options.MappingsFolder),
            $"Compliance:MappingsFolder '{options.MappingsFolder}' is not a readable folder.");
        Require(
            !options.ActionsFolderConfigured || Directory.Exists(options.ActionsFolderInUse),
            $"Compliance:ActionsFolder '{options.ActionsFolder}' is not a readable folder.");
        Require(
            DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is not null
                && TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _),
            $"Compliance:TimeZone '{options.TimeZone}' is not an IANA time zone.");
        Require(
            string.IsNullOrWhiteSpace(options.PseudonymKey) || PseudonymKeyProvider.IsValidKey(options.PseudonymKey),
            "Compliance:PseudonymKey is not a key: it must be hex or base64 of at least 16 bytes.");
        Require(
            StoreResources.IsMemoryLimit(options.DuckDb.MemoryLimit),
            $"Compliance:DuckDb:MemoryLimit '{options.DuckDb.MemoryLimit}' is not a size such as 1GB or 512MB (at least {StoreResources.MinimumMemoryLimitMegabytes}MB).");
        Require(
            options.DuckDb.Threads is null or (>= 1 and <= StoreResources.MaximumThreads),
            $"Compliance:DuckDb:Threads must be between 1 and {StoreResources.MaximumThreads} when set (it is {options.DuckDb.Threads}).");
        Require(options.StableSeconds >= 0, "Compliance:StableSeconds must not be negative.");
        Require(options.IncompleteGraceDays >= 0, "Compliance:IncompleteGraceDays must not be negative.");
        Require(options.MinCases >= 1, "Compliance:MinCases must be at least 1.");
        Require(options.DefaultTarget is > 0 and <= 1, "Compliance:DefaultTarget must be a share above 0 and at most 1 (0.95 for 95%).");
        Require(
            options.DueSoonWorkingDays is >= 1 and <= ReportContext.MaxDueSoonDays,
            $"Compliance:DueSoonWorkingDays must be a number of working days from 1 to {ReportContext.MaxDueSoonDays}.");
        Require(options.RetentionYears > 0, "Compliance:RetentionYears must be a positive number of years.");
        Require(options.BreachTimelines is >= 0 and <= 100, "Compliance:BreachTimelines must be a number of pictures from 0 to 100.");
        var g = options.GroupOutcomes;
        Require(g.MinClosedCases >= 1, "Compliance:GroupOutcomes:MinClosedCases must be at least 1.");
        Require(double.IsFinite(g.UpholdRateMargin) && g.UpholdRateMargin is >= 0 and < 1, "Compliance:GroupOutcomes:UpholdRateMargin must be a fraction from 0 to below 1 (0.10 = 10 points).");
        Require(double.IsFinite(g.MedianDaysToCloseMargin) && g.MedianDaysToCloseMargin >= 0, "Compliance:GroupOutcomes:MedianDaysToCloseMargin must be a number of days, not negative.");
        Require(double.IsFinite(g.WithinEightWeeksMargin) && g.WithinEightWeeksMargin is >= 0 and < 1, "Compliance:GroupOutcomes:WithinEightWeeksMargin must be a fraction from 0 to below 1 (0.10 = 10 points).");
        foreach (var (setting, expression) in new[]
        {
            ("Ingest", options.Schedules.Ingest), ("Packs", options.Schedules.Packs), ("Retention", options.Schedules.Retention),
        })
        {
            Require(
                IsValidCron(expression),
                $"Compliance:Schedules:{setting} '{expression}' is not a valid Quartz cron expression.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Exists and can be listed: the ingest job lists it every few minutes.</summary>
    private static bool IsReadableFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return false;
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    private static bool IsValidCron(string? expression)
    {
        try
        {
            // The constructor is Quartz's own parser, the one the scheduler will use.
            return new CronExpression(expression ?? string.Empty) is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
