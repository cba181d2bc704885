using System.Security.Cryptography;
using System.Text;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// The SQL files of the measures (<c>queries/*.sql</c>), read once, each with its SHA-256 so the
/// manifest of a pack can say exactly which SQL produced its figures.
/// </summary>
public sealed class QueryCatalog
{
    private readonly Dictionary<string, (string Sql, string Sha256)> _queries;

    private QueryCatalog(Dictionary<string, (string Sql, string Sha256)> queries, string folder)
    {
        _queries = queries;
        Folder = folder;
    }

    /// <summary>The folder the SQL files were read from, for error messages.</summary>
    public string Folder { get; }

    /// <summary>Every query's name (its file name without <c>.sql</c>), in ordinal order.</summary>
    public IEnumerable<string> Names => _queries.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads every <c>*.sql</c> directly in <paramref name="folder"/> (not its subfolders); a missing folder throws.</summary>
    public static QueryCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The queries folder '{folder}' does not exist.");
        }

        var queries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.sql"))
        {
            var bytes = File.ReadAllBytes(file);
            queries[Path.GetFileNameWithoutExtension(file)] =
                (Encoding.UTF8.GetString(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        return new QueryCatalog(queries, folder);
    }

    /// <summary>Whether a query called <paramref name="name"/> was read.</summary>
    public bool Contains(string name) => _queries.ContainsKey(name);

    /// <summary>The SQL text of query <paramref name="name"/>; an unknown name throws, naming the folder.</summary>
    public string Sql(string name) =>
        _queries.TryGetValue(name, out var q) ? q.Sql : throw new KeyNotFoundException($"There is no query '{name}' in {Folder}.");

    /// <summary>The SHA-256 of query <paramref name="name"/>'s file bytes, in lower-case hex, for the manifests.</summary>
    public string Sha256(string name) => _queries[name].Sha256;
}
