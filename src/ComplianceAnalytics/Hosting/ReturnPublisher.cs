using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// The complaints return's part of the packs job: once a half-year has closed (in Compliance:TimeZone),
/// publishes its return (contract §7) into <c>PublishFolder/YYYY-Hn/</c>, by the monthly packs' rules:
/// every half-year from the first with data up to the latest complete one, each again whenever the
/// events before its end, the policies or the return's queries change; a republished half-year's
/// earlier files move to <c>superseded/RUN-ID/</c> beside them.
/// </summary>
public sealed class ReturnPublisher(ComplianceWorkspace workspace, ILogger<ReturnPublisher> logger)
{
    private string PublishRoot => Path.GetFullPath(workspace.Options.PublishFolder);

    /// <summary>Publishes every closed half-year whose return is missing or whose inputs changed, adding the files to <paramref name="run"/>'s outputs.</summary>
    public void Run(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inputs = InputsHash();
        var due = DueHalfYears();
        var published = new List<string>();
        var waiting = new List<string>();
        foreach (var period in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fingerprint = Fingerprint(period, inputs);
            var previous = PublishedReturns.Fingerprint(workspace.Store, period.Text);
            if (previous == fingerprint)
            {
                continue;
            }

            // The monthly packs' hold: a firm whose data has not reached the half-year's end holds its
            // return back until the grace (Compliance:IncompleteGraceDays) runs out; then it is published,
            // its workbooks saying the data is incomplete.
            var (incomplete, graceEnds) = PackPublisher.Incomplete(workspace, period.End);
            if (incomplete.Count > 0 && workspace.Clock.GetCurrentInstant() < graceEnds)
            {
                waiting.Add(string.Create(CultureInfo.InvariantCulture, $"{period.Text} waits for data of {string.Join(", ", incomplete)} until {graceEnds.InZone(workspace.ScheduleZone).Date:yyyy'-'MM'-'dd}"));
                continue;
            }

            run.Outputs.AddRange(Publish(period, run.RunId, fingerprint));
            var folder = Path.Combine(PublishRoot, period.Text);
            HostingLog.ReturnPublished(logger, period.Text, folder);
            published.Add(period.Text + (previous is null ? string.Empty : " (republished)")
                + (incomplete.Count > 0 ? $" (incomplete: {string.Join(", ", incomplete)})" : string.Empty));
        }

        var summary = due.Count == 0
            ? "no half-year with data has closed"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"returns {due[0].Text}..{due[^1].Text}: {published.Count} published{(published.Count == 0 ? (waiting.Count == 0 ? " (all up to date)" : string.Empty) : ": " + string.Join(", ", published))}{(waiting.Count == 0 ? string.Empty : "; " + string.Join("; ", waiting))}");
        run.Detail = run.Detail.Length == 0 ? summary : run.Detail + "; " + summary;
    }

    /// <summary>The half-years from the one of the first event to the latest complete one, in the schedule's zone.</summary>
    internal IReadOnlyList<ReturnPeriod> DueHalfYears()
    {
        var first = EventSpan.First(workspace.Store);
        if (first is null)
        {
            return [];
        }

        var zone = workspace.ScheduleZone;
        var current = ReturnPeriod.HalfYearOf(workspace.Clock.GetCurrentInstant().InZone(zone).Date);
        var periods = new List<ReturnPeriod>();
        for (var period = ReturnPeriod.HalfYearOf(first.Value.InZone(zone).Date);
             period.FirstDay < current.FirstDay;
             period = ReturnPeriod.HalfYearOf(period.EndDay))
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>
    /// What a half-year's return depends on: the events up to its end (their count and newest file), the return's
    /// queries and the policy rules it uses (<see cref="PublishedRules.ForReturn"/>: a changed limit or target
    /// republishes no return).
    /// </summary>
    private string Fingerprint(ReturnPeriod period, string inputsHash)
    {
        var end = workspace.Policies.All.Select(p => period.End(p.TimeZone)).DefaultIfEmpty(period.End(workspace.ScheduleZone)).Max();
        var (events, maxFile) = EventSpan.Before(workspace.Store, end, inclusive: true);
        return string.Create(CultureInfo.InvariantCulture, $"events={events};max_file={maxFile};inputs={inputsHash};rules={PublishedRules.ForReturn(workspace.Policies).Hash()}");
    }

    /// <summary>
    /// Writes the return into a staging folder under the publish folder (same file system, so each move
    /// is a rename), moves the half-year's earlier files aside, then moves the new ones in.
    /// </summary>
    private List<OutputFile> Publish(ReturnPeriod period, string runId, string fingerprint)
    {
        var target = PackPublisher.Inside(PublishRoot, period.Text);
        var runStaging = Path.Combine(PublishRoot, PackPublisher.StagingFolder, runId);
        var staging = Path.Combine(runStaging, period.Text);
        try
        {
            Directory.CreateDirectory(staging);
            workspace.ComplaintsReturn().Write(period, staging);
            Directory.CreateDirectory(target);
            var earlier = Directory.EnumerateFileSystemEntries(target)
                .Where(e => Path.GetFileName(e) != PackPublisher.SupersededFolder)
                .ToList();
            if (earlier.Count > 0)
            {
                var superseded = PackPublisher.Inside(Path.Combine(target, PackPublisher.SupersededFolder), runId);
                Directory.CreateDirectory(superseded);
                foreach (var entry in earlier)
                {
                    Move(entry, Path.Combine(superseded, Path.GetFileName(entry)));
                }
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            {
                Move(entry, PackPublisher.Inside(target, Path.GetFileName(entry)));
            }

            var placed = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(target, f).StartsWith(PackPublisher.SupersededFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(OutputFile.Of)
                .ToList();
            PublishedReturns.Record(workspace.Store, period.Text, fingerprint, runId, workspace.Clock.GetCurrentInstant(), RunLog.OutputsJson(placed));
            return placed;
        }
        finally
        {
            if (Directory.Exists(runStaging))
            {
                Directory.Delete(runStaging, recursive: true);
            }
        }
    }

    /// <summary>Moves a file, or a folder (an organisation's workbooks), by renaming it.</summary>
    private static void Move(string source, string target)
    {
        if (File.Exists(source))
        {
            File.Move(source, target);
        }
        else
        {
            Directory.Move(source, target);
        }
    }

    /// <summary>The hash of the return's queries (the policies are compared by the rules the return uses).</summary>
    private string InputsHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var options = workspace.Options;
        foreach (var (label, folder) in new[]
        {
            ("queries", Path.Combine(options.QueriesFolder, ReturnContext.QueriesSubfolder)),
        })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(label + "/" + Path.GetRelativePath(folder, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
