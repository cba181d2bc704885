using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// <c>compliance purge [--dry-run] [--db] [--json]</c>: applies retention now, as the scheduled job
/// does; with <c>--dry-run</c> it lists what would go and changes nothing.
/// </summary>
internal static class PurgeVerb
{
    public static Command Build()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List the cases that would be purged; change nothing." };
        var command = new Command("purge", "Purge the cases whose last event is older than Compliance:RetentionYears from every table.")
        {
            dryRun, CommandLine.Database, CommandLine.Json,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var configuration = HostSetup.Configuration(CommandLine.Overrides(parse));
            var options = HostSetup.Options(configuration, requireDropFolder: false, requireReportFolders: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            var retention = new Retention(workspace.Store, workspace.Clock, options.RetentionYears);
            var cutoff = retention.Cutoff;
            var dry = parse.GetValue(dryRun);
            var result = dry ? retention.Preview() : retention.Purge();
            Console.Out.WriteLine(parse.GetValue(CommandLine.Json) ? ToJson(result, cutoff, dry) : Describe(result, cutoff, dry, workspace.Store.Path));
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Describe(PurgeResult result, Instant cutoff, bool dry, string store)
    {
        var text = new System.Text.StringBuilder();
        var verb = dry ? "would be purged (dry run: nothing was changed)" : "purged";
        text.Append(CultureInfo.InvariantCulture, $"Cut-off {Format(cutoff)} ({store}): {result.Cases.Count} cases {verb}");
        text.Append(CultureInfo.InvariantCulture, $"; {result.UnattachedRejectedRows} rejected and {result.UnattachedDuplicateRows} duplicate rows of no case.");
        if (result.Cases.Count > 0)
        {
            text.AppendLine();
            text.Append("org\tcase_ref\tlast_event_at\tevents\trejected_rows\tduplicate_rows\tstage_instances");
        }

        foreach (var c in result.Cases)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"{c.Org}\t{c.CaseRef}\t{Format(c.LastEventAt)}\t{c.Events}\t{c.RejectedRows}\t{c.DuplicateRows}\t{c.StageInstances}");
        }

        return text.ToString();
    }

    /// <summary>One object: the cut-off, whether it was a dry run, the unattached rows and each case with its counts.</summary>
    internal static string ToJson(PurgeResult result, Instant cutoff, bool dry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("cutoff", Format(cutoff));
            writer.WriteBoolean("dry_run", dry);
            writer.WriteNumber("unattached_rejected_rows", result.UnattachedRejectedRows);
            writer.WriteNumber("unattached_duplicate_rows", result.UnattachedDuplicateRows);
            writer.WriteStartArray("cases");
            foreach (var c in result.Cases)
            {
                writer.WriteStartObject();
                writer.WriteString("org", c.Org);
                writer.WriteString("case_ref", c.CaseRef);
                writer.WriteString("last_event_at", Format(c.LastEventAt));
                writer.WriteNumber("events", c.Events);
                writer.WriteNumber("rejected_rows", c.RejectedRows);
                writer.WriteNumber("duplicate_rows", c.DuplicateRows);
                writer.WriteNumber("stage_instances", c.StageInstances);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
