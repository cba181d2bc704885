using System.CommandLine;
using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// The verbs of <c>compliance</c> (contract §6). Each verb runs one job now; <c>serve</c> runs them on
/// their schedules. A failure of the run exits non-zero with a one-line reason on standard error;
/// bad input rows are not failures of the run.
/// </summary>
internal static class CommandLine
{
    public static readonly Option<string?> Database = new("--db") { Description = "The store file (default: Compliance:Database)." };
    public static readonly Option<string?> Policies = new("--policies") { Description = "The policies folder (default: Compliance:PoliciesFolder)." };
    public static readonly Option<string?> Mappings = new("--mappings") { Description = "The mapping profiles folder (default: Compliance:MappingsFolder)." };
    public static readonly Option<bool> Json = new("--json") { Description = "Print machine-readable JSON." };

    public static RootCommand Build()
    {
        var root = new RootCommand("ComplianceAnalytics: complaints-handling SLA measurement and regulatory packs.");
        root.Subcommands.Add(IngestVerb.Build());
        root.Subcommands.Add(ExportVerb.Build());
        root.Subcommands.Add(ExplainVerb.Build());
        root.Subcommands.Add(ReportVerb.Build());
        root.Subcommands.Add(PoliciesVerb.Build());
        root.Subcommands.Add(SampleVerb.Build());
        root.Subcommands.Add(RunOnceVerb.Build());
        root.Subcommands.Add(ServeVerb.Build());
        root.Subcommands.Add(StatusVerb.Build());
        root.Subcommands.Add(PurgeVerb.Build());
        return root;
    }

    /// <summary>The configuration keys that a verb's common options override.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Set(Option<string?> option, string key)
        {
            if (parse.GetResult(option) is not null && parse.GetValue(option) is { } value)
            {
                overrides[$"{ComplianceOptions.Section}:{key}"] = value;
            }
        }

        Set(Database, nameof(ComplianceOptions.Database));
        Set(Policies, nameof(ComplianceOptions.PoliciesFolder));
        Set(Mappings, nameof(ComplianceOptions.MappingsFolder));
        return overrides;
    }

    /// <summary>
    /// Runs a verb's body and turns any failure into a one-line reason on standard error and exit
    /// code 1; the failure is reported, never swallowed.
    /// </summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("compliance: " + string.Join(" ", ex.Failures)).ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("compliance: cancelled").ConfigureAwait(false);
            return 130;
        }
#pragma warning disable CA1031 // The verb's last line of defence: every failure becomes an exit code and a reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync("compliance: " + OneLine(ex.Message)).ConfigureAwait(false);
            return 1;
        }
    }

    public static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
