using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Store;
using Spectre.Console;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance ingest PATH... [--db] [--policies] [--mappings] [--profile] [--json]</c>.</summary>
internal static class IngestVerb
{
    public static Command Build()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Export files or folders (a folder's files in ordinal order of name)." };
        var profile = new Option<string?>("--profile") { Description = "A mapping profile file (or a profile name in the mappings folder) for every file, instead of matching by name." };
        var command = new Command("ingest", "Ingest export files into the store, accounting for every row.")
        {
            paths, CommandLine.Database, CommandLine.Policies, CommandLine.Mappings, profile, CommandLine.Json,
        };
        command.SetAction((parse, cancellationToken) => CommandLine.Guard(() =>
        {
            var json = parse.GetValue(CommandLine.Json);
            var configuration = HostSetup.Configuration(CommandLine.Overrides(parse));
            var options = HostSetup.Options(configuration, requireDropFolder: false, requireReportFolders: false);
            using var loggers = HostSetup.Loggers(quiet: json);
            using var workspace = HostSetup.Workspace(options, loggers);
            var forced = ResolveProfile(parse.GetValue(profile), workspace.Profiles);
            var (files, missing) = ExportIngestion.Resolve(parse.GetValue(paths)!);
            // Ingestion reads the policies (orgs, time zones): the history records the versions it used.
            workspace.RecordPolicyVersions();
            var ingestion = new ExportIngestion(workspace.Store, workspace.Policies, workspace.Profiles, workspace.Pseudonymiser, workspace.Clock);

            IngestRun run;
            if (json)
            {
                run = ingestion.Ingest(files, forced, r => Console.Out.WriteLine(ToJson(r)), cancellationToken);
            }
            else if (!Console.IsOutputRedirected && files.Count > 0)
            {
                run = null!;
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var total = files.Sum(f => File.Exists(f) ? Math.Max(1, new FileInfo(f).Length) : 1);
                        var task = context.AddTask("Ingesting", maxValue: total);
                        run = ingestion.Ingest(files, forced, r =>
                        {
                            task.Description = Markup.Escape(Path.GetFileName(r.File));
                            task.Increment(File.Exists(r.File) ? Math.Max(1, new FileInfo(r.File).Length) : 1);
                        }, cancellationToken);
                    });
            }
            else
            {
                run = ingestion.Ingest(files, forced, null, cancellationToken);
            }

            if (!json)
            {
                Summarise(run, workspace.Store, plain: Console.IsOutputRedirected);
            }

            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"ingest: {(missing.Count == 1 ? "path does not exist" : "paths do not exist")}: {string.Join(", ", missing)}");
                return Task.FromResult(1);
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static MappingProfile? ResolveProfile(string? value, IReadOnlyList<MappingProfile> profiles)
    {
        if (value is null)
        {
            return null;
        }

        return File.Exists(value)
            ? MappingProfileLoader.LoadFile(value)
            : profiles.FirstOrDefault(p => p.Name == value)
              ?? throw new ArgumentException($"--profile: '{value}' is neither a profile file nor a profile in the mappings folder.");
    }

    /// <summary>One JSON object per file, with the field names of contract §6.</summary>
    internal static string ToJson(IngestResult r)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", r.File);
            writer.WriteString("sha256", r.Sha256);
            writer.WriteString("status", r.Status);
            writer.WriteNumber("rows_read", r.RowsRead);
            writer.WriteNumber("rows_loaded", r.RowsLoaded);
            writer.WriteNumber("rows_duplicate", r.RowsDuplicate);
            writer.WriteNumber("rows_rejected", r.RowsRejected);
            writer.WriteNumber("rows_ignored", r.RowsIgnored);
            writer.WriteStartObject("rejects");
            foreach (var (reason, count) in r.Rejects)
            {
                writer.WriteNumber(reason, count);
            }

            writer.WriteEndObject();
            writer.WriteString("profile", r.Profile);
            writer.WriteStartArray("unknown_columns");
            foreach (var column in r.UnknownColumns)
            {
                writer.WriteStringValue(column);
            }

            writer.WriteEndArray();
            writer.WriteString("message", r.Message);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Rejected rows named by file and line, a few per file, on a terminal summary.</summary>
    private const int RejectsShownPerFile = 5;

    private static void Summarise(IngestRun run, ComplianceStore store, bool plain)
    {
        if (plain)
        {
            // Piped output is read by scripts and narrow logs: one plain line per file, nothing squeezed.
            foreach (var r in run.Files)
            {
                Console.Out.WriteLine(PlainLine(r));
            }

            if (run.Evaluation is { } evaluated)
            {
                Console.Out.WriteLine($"Re-evaluated {evaluated.Cases} cases: {evaluated.Instances} stage instances.");
            }

            ListRejects(run, store, Console.Out.WriteLine);
            return;
        }

        var table = new Table().AddColumns("File", "Status", "Read", "Loaded", "Duplicate", "Rejected", "Ignored", "Note");
        foreach (var r in run.Files)
        {
            var note = r.Message ?? string.Join(", ", r.Rejects.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"));
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.File)), Markup.Escape(r.Status), Num(r.RowsRead), Num(r.RowsLoaded),
                Num(r.RowsDuplicate), Num(r.RowsRejected), Num(r.RowsIgnored), Markup.Escape(note));
        }

        AnsiConsole.Write(table);
        if (run.Evaluation is { } e)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Re-evaluated {e.Cases} cases: {e.Instances} stage instances.");
        }

        ListRejects(run, store, line => AnsiConsole.Console.WriteLine(line));
    }

    internal static string PlainLine(IngestResult r)
    {
        var note = r.Message ?? string.Join(", ", r.Rejects.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"));
        return $"{Path.GetFileName(r.File)}: {r.Status}; read {Num(r.RowsRead)}, loaded {Num(r.RowsLoaded)}, duplicate {Num(r.RowsDuplicate)}, "
            + $"rejected {Num(r.RowsRejected)}, ignored {Num(r.RowsIgnored)}{(note.Length > 0 ? "; " + note : string.Empty)}";
    }

    private static void ListRejects(IngestRun run, ComplianceStore store, Action<string> write)
    {
        foreach (var r in run.Files.Where(f => f.RowsRejected > 0))
        {
            foreach (var row in RejectedRows.First(store, r.FileId, RejectsShownPerFile))
            {
                var field = row.Field is null ? "" : $" ({row.Field})";
                write($"{Path.GetFileName(r.File)}, line {row.Line}: {row.Reason}{field}");
            }

            if (r.RowsRejected > RejectsShownPerFile)
            {
                write($"{Path.GetFileName(r.File)}: {r.RowsRejected - RejectsShownPerFile} more rejected rows");
            }
        }

        var rejected = run.Files.Sum(f => f.RowsRejected);
        if (rejected > 0)
        {
            write($"{rejected} rows were rejected; each is kept in rejected_rows with its file, line and reason.");
        }
    }

    private static string Num(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
