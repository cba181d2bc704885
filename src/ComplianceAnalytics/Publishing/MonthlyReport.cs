using System.Security.Cryptography;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using NodaTime;

namespace ComplianceAnalytics.Publishing;

/// <summary>A file a job wrote, with its hash for the run log and the manifest.</summary>
public sealed record OutputFile(string Path, string Sha256)
{
    public static OutputFile Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new OutputFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>
/// One month's outputs: the contract's CSV files (contract §6) and the packs, all from the same
/// evaluation and the same query results, written into one folder.
/// </summary>
public sealed class MonthlyReport
{
    /// <summary>The contract's measure files, each the result of the query of the same name.</summary>
    public static readonly IReadOnlyList<string> CsvMeasures = ["attainment", "durations", "adr_letters", "customer_windows"];

    private readonly ComplianceWorkspace _workspace;

    public MonthlyReport(ComplianceWorkspace workspace) => _workspace = workspace;

    public IReadOnlyList<OutputFile> Write(YearMonth month, string outDir, string? pack = null)
    {
        Directory.CreateDirectory(outDir);
        var queries = QueryCatalog.Load(ComplianceOptions.ResolveShipped(_workspace.Options.QueriesFolder));
        var context = ReportContext.Prepare(_workspace.Store, _workspace.Policies, queries, month);
        var outputs = new List<OutputFile>();
        foreach (var measure in CsvMeasures)
        {
            var path = Path.Combine(outDir, measure + ".csv");
            CsvOutput.Write(path, context.Run(measure));
            outputs.Add(OutputFile.Of(path));
        }

        return outputs;
    }
}
