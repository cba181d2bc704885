using Quartz;

namespace ComplianceAnalytics.Hosting;

/// <summary>One job's schedule: its cron expression, read in the configured zone.</summary>
public sealed record JobSchedule(string Job, string Setting, string Cron);

/// <summary>The schedules of the jobs and their next fire times, as the scheduler computes them.</summary>
public static class ComplianceSchedules
{
    /// <summary>The three jobs' schedules from <paramref name="options"/>, in the order ingest, packs, retention.</summary>
    public static IReadOnlyList<JobSchedule> All(ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new(IngestJob.Name, "Compliance:Schedules:Ingest", options.Schedules.Ingest),
            new(PacksJob.Name, "Compliance:Schedules:Packs", options.Schedules.Packs),
            new(RetentionJob.Name, "Compliance:Schedules:Retention", options.Schedules.Retention),
        ];
    }

    /// <summary>The zone of Compliance:TimeZone as the scheduler takes it, so that wall-clock schedules follow DST.</summary>
    public static TimeZoneInfo Zone(ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>, with the zone's offset at each.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(string cron, TimeZoneInfo zone, DateTimeOffset after, int count)
    {
        var expression = new CronExpression(cron, zone);
        var times = new List<DateTimeOffset>();
        for (var next = expression.GetNextValidTimeAfter(after); next is { } time && times.Count < count; next = expression.GetNextValidTimeAfter(time))
        {
            times.Add(TimeZoneInfo.ConvertTime(time, zone));
        }

        return times;
    }
}
