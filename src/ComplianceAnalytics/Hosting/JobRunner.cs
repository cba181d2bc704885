using System.Diagnostics;
using System.Globalization;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Hosting;

/// <summary>What one run has done so far; a run that is cancelled or fails records what it got to.</summary>
public sealed class JobRun
{
    internal JobRun(string job, string runId)
    {
        Job = job;
        RunId = runId;
    }

    /// <summary>The job's name (<see cref="IngestJob.Name"/>, <see cref="PacksJob.Name"/>, <see cref="RetentionJob.Name"/>).</summary>
    public string Job { get; }

    /// <summary>The run's id, <c>job-yyyyMMddTHHmmssZ-xxxxxx</c>: the run log's key and the name of its superseded folders.</summary>
    public string RunId { get; }

    /// <summary>The counts for the run log's detail column, in the operator's words.</summary>
    public string Detail { get; set; } = string.Empty;

    /// <summary>The files the run wrote, with their hashes, recorded in the run log.</summary>
    public List<OutputFile> Outputs { get; } = [];

    /// <summary>How the run ended (see <see cref="RunOutcomes"/>); null while it runs.</summary>
    public string? Outcome { get; internal set; }
}

/// <summary>
/// Runs a job's body with a run-log row around it. The store has one connection, so runs of
/// different jobs take turns through one gate rather than interleaving statements and
/// transactions on it; a run of the same job never overlaps itself either way.
/// </summary>
public sealed class JobRunner : IDisposable
{
    private static readonly InstantPattern RunIdTime = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>The first wait after a failure; each further failure in a row doubles it, up to <see cref="LongestBackoff"/>.</summary>
    public static readonly Duration FirstBackoff = Duration.FromMinutes(1);

    /// <summary>The longest wait before a job that keeps failing is tried again.</summary>
    public static readonly Duration LongestBackoff = Duration.FromHours(1);

    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private readonly Dictionary<string, (int Failures, Instant RetryAt)> _backoff = new(StringComparer.Ordinal);
    private readonly ComplianceWorkspace _workspace;
    private readonly ILogger<JobRunner> _logger;

    private readonly IHostApplicationLifetime? _lifetime;

    /// <summary>A runner on <paramref name="workspace"/>; with <paramref name="lifetime"/> (serve), a store that cannot be written stops the host.</summary>
    public JobRunner(ComplianceWorkspace workspace, ILogger<JobRunner> logger, IHostApplicationLifetime? lifetime = null)
    {
        _workspace = workspace;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>
    /// The failure to write the store that stopped the host, if one did. DuckDB may refuse every
    /// statement after it until the store is reopened, so carrying on would only fail each run; the
    /// host stops and <c>serve</c> exits non-zero for the service manager to restart it.
    /// </summary>
    public StoreUnavailableException? StoreFailure { get; private set; }

    /// <summary>Runs <paramref name="work"/> and returns the run with its outcome; failures are logged and recorded, not thrown.</summary>
    public async Task<JobRun> RunAsync(string job, Action<JobRun, CancellationToken> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var run = new JobRun(job, NewRunId(job));
        try
        {
            await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            run.Detail = "cancelled before it started";
            run.Outcome = RunOutcomes.Cancelled;
            HostingLog.JobCancelled(_logger, job, run.RunId, 0, run.Detail);
            return run;
        }

        try
        {
            // A job that keeps failing (a bad file, a full disk) is not retried at every trigger.
            var now = _workspace.Clock.GetCurrentInstant();
            if (_backoff.TryGetValue(job, out var backoff) && now < backoff.RetryAt)
            {
                run.Detail = "skipped: backing off after failures";
                run.Outcome = RunOutcomes.Skipped;
                HostingLog.JobBackingOff(_logger, job, backoff.Failures, backoff.RetryAt);
                return run;
            }

            run.Outcome = Run(run, work, cancellationToken);
            if (run.Outcome != RunOutcomes.Failed)
            {
                _backoff.Remove(job);
            }

            return run;
        }
        finally
        {
            _storeGate.Release();
        }
    }

    private string Run(JobRun run, Action<JobRun, CancellationToken> work, CancellationToken cancellationToken)
    {
        var timer = Stopwatch.StartNew();
        var begun = false;
        string outcome;
        try
        {
            new RunLog(_workspace.Store).Begin(run.RunId, run.Job, _workspace.Clock.GetCurrentInstant());
            begun = true;
            HostingLog.JobStarted(_logger, run.Job, run.RunId);
            // An edited policy applies from the next job on; an invalid one fails the job, named in the run log.
            _workspace.RefreshPolicies();
            _workspace.RecordPolicyVersions();
            work(run, cancellationToken);
            outcome = RunOutcomes.Succeeded;
            HostingLog.JobSucceeded(_logger, run.Job, run.RunId, timer.Elapsed.TotalSeconds, run.Detail);
        }
        catch (OperationCanceledException)
        {
            outcome = RunOutcomes.Cancelled;
            HostingLog.JobCancelled(_logger, run.Job, run.RunId, timer.Elapsed.TotalSeconds, run.Detail);
        }
#pragma warning disable CA1031 // A scheduled job's last line of defence: the failure is logged and recorded in the run log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = RunOutcomes.Failed;
            run.Detail = string.IsNullOrEmpty(run.Detail) ? ex.Message : run.Detail + "; " + ex.Message;
            var retryAt = RecordFailure(run.Job);
            HostingLog.JobFailed(_logger, run.Job, run.RunId, OneLine(ex.Message), retryAt);
            HostingLog.JobFailedDetail(_logger, ex, run.Job, run.RunId);
            if (ex is StoreUnavailableException storeFailure)
            {
                StoreFailure = storeFailure;
                HostingLog.StoreFailedStopping(_logger);
                _lifetime?.StopApplication();
            }
        }

        if (begun)
        {
            try
            {
                new RunLog(_workspace.Store).End(run.RunId, _workspace.Clock.GetCurrentInstant(), outcome, run.Detail, run.Outputs);
            }
#pragma warning disable CA1031 // The run itself is over; a run log that cannot be written is reported, and the outcome stands.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                HostingLog.RunLogFailed(_logger, ex, run.Job, run.RunId);
                outcome = RunOutcomes.Failed;
            }
        }

        return outcome;
    }

    /// <summary>Counts a failure in a row and returns when the job may run again: 1 min, 2, 4, … up to 1 h.</summary>
    private Instant RecordFailure(string job)
    {
        var failures = (_backoff.TryGetValue(job, out var previous) ? previous.Failures : 0) + 1;
        var wait = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 10));
        var retryAt = _workspace.Clock.GetCurrentInstant() + (wait > LongestBackoff ? LongestBackoff : wait);
        _backoff[job] = (failures, retryAt);
        return retryAt;
    }

    private static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private string NewRunId(string job) =>
        string.Create(CultureInfo.InvariantCulture, $"{job}-{RunIdTime.Format(_workspace.Clock.GetCurrentInstant())}-{Guid.NewGuid().ToString("N")[..6]}");

    /// <inheritdoc />
    public void Dispose() => _storeGate.Dispose();
}
