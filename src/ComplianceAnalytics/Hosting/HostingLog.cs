using Microsoft.Extensions.Logging;

namespace ComplianceAnalytics.Hosting;

/// <summary>The host's log events, generated once so that logging a run costs no formatting when disabled.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Job {Job} started (run {RunId})")]
    public static partial void JobStarted(ILogger logger, string job, string runId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Job {Job} succeeded (run {RunId}) in {Seconds:0.0}s: {Detail}")]
    public static partial void JobSucceeded(ILogger logger, string job, string runId, double seconds, string detail);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Job {Job} cancelled (run {RunId}) after {Seconds:0.0}s: {Detail}")]
    public static partial void JobCancelled(ILogger logger, string job, string runId, double seconds, string detail);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Job {Job} failed (run {RunId}): {Reason}; next try not before {RetryAt}")]
    public static partial void JobFailed(ILogger logger, string job, string runId, string reason, NodaTime.Instant retryAt);

    // The stack trace is for a developer: at Debug, so that a failing job's log stays one line a run.
    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "Job {Job} failed (run {RunId})")]
    public static partial void JobFailedDetail(ILogger logger, Exception exception, string job, string runId);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Job {Job} skipped: it failed {Failures} time(s) in a row and waits until {RetryAt}")]
    public static partial void JobBackingOff(ILogger logger, string job, int failures, NodaTime.Instant retryAt);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "The run log could not record run {RunId} of job {Job}")]
    public static partial void RunLogFailed(ILogger logger, Exception exception, string job, string runId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Critical, Message = "The store cannot be written; the host stops so that it can be restarted once the cause is fixed")]
    public static partial void StoreFailedStopping(ILogger logger);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Ingested {File}: {Status}, {RowsLoaded} rows loaded, {RowsRejected} rejected")]
    public static partial void FileIngested(ILogger logger, string file, string status, long rowsLoaded, long rowsRejected);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Quarantined {File}: {Reason}")]
    public static partial void FileQuarantined(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "Waiting for {File} to stop changing")]
    public static partial void FileNotStable(ILogger logger, string file);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Published the packs of {Month} into {Folder} ({Reason})")]
    public static partial void MonthPublished(ILogger logger, string month, string folder, string reason);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Kept the earlier packs of {Month} in {Folder}")]
    public static partial void MonthSuperseded(ILogger logger, string month, string folder);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "The default actions folder {Folder} has actions of orgs without a policy here, left out: {Skipped}")]
    public static partial void ActionsSkipped(ILogger logger, string folder, string skipped);

    [LoggerMessage(EventId = 125, Level = LogLevel.Information, Message = "Published the complaints return of {Period} into {Folder}")]
    public static partial void ReturnPublished(ILogger logger, string period, string folder);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Retention purged {Cases} cases whose last event is before {Cutoff}")]
    public static partial void RetentionPurged(ILogger logger, int cases, string cutoff);

    [LoggerMessage(EventId = 140, Level = LogLevel.Information, Message = "Serving the store {Database}: ingest '{Ingest}', packs '{Packs}', retention '{Retention}' in {TimeZone}")]
    public static partial void Serving(ILogger logger, string database, string ingest, string packs, string retention, string timeZone);
}
