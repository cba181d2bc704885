using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceAnalytics.Store;

/// <summary>DuckDB's memory limit and threads for the store; checked here so that they can be written into SET.</summary>
public sealed partial record StoreResources
{
    /// <summary>
    /// Enough for the benchmark's ingest and a month's packs on 300,000 cases at the same speed as 1 GB (DuckDB spills
    /// beyond it), and leaves room for the workbooks and pictures in the same process: the packs peak at about 0.9 GB
    /// with it, above 1 GB with 1GB (docs/evaluation.md).
    /// </summary>
    public const string DefaultMemoryLimit = "512MB";

    /// <summary>Below this DuckDB cannot read the large files ingestion reads in 64 MB buffers.</summary>
    public const int MinimumMemoryLimitMegabytes = 256;

    /// <summary>More threads than this is a typing error, not a machine.</summary>
    public const int MaximumThreads = 256;

    /// <summary>A memory limit of <see cref="DefaultMemoryLimit"/> and DuckDB's own choice of threads (one per core).</summary>
    public static StoreResources Default { get; } = new(DefaultMemoryLimit, null);

    /// <summary>Resources with <paramref name="memoryLimit"/> (e.g. <c>1GB</c>, at least <see cref="MinimumMemoryLimitMegabytes"/> MB) and <paramref name="threads"/> (1 to <see cref="MaximumThreads"/>; DuckDB's default when null).</summary>
    public StoreResources(string memoryLimit, int? threads)
    {
        if (!IsMemoryLimit(memoryLimit))
        {
            throw new ArgumentException($"'{memoryLimit}' is not a memory size such as 1GB or 512MB (at least {MinimumMemoryLimitMegabytes}MB).", nameof(memoryLimit));
        }

        if (threads is < 1 or > MaximumThreads)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"Threads must be between 1 and {MaximumThreads}.");
        }

        MemoryLimit = memoryLimit.Trim();
        Threads = threads;
    }

    /// <summary>DuckDB's <c>memory_limit</c>, e.g. 1GB.</summary>
    public string MemoryLimit { get; }

    /// <summary>DuckDB's <c>threads</c>, or null for DuckDB's default.</summary>
    public int? Threads { get; }

    /// <summary>A number and a unit DuckDB reads (KB, MB, GB, TB, or KiB, MiB, GiB, TiB), at least the minimum.</summary>
    public static bool IsMemoryLimit(string? text)
    {
        var match = text is null ? null : SizePattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["u"].Value.ToUpperInvariant();
        var megabytes = number * (unit[0] switch { 'K' => 1.0 / 1000, 'M' => 1, 'G' => 1000, _ => 1_000_000 });
        return megabytes >= MinimumMemoryLimitMegabytes;
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?) ?(?<u>[KMGT]i?B)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
