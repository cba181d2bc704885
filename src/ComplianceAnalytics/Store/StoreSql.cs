using System.Collections.Concurrent;
using System.Reflection;

namespace ComplianceAnalytics.Store;

/// <summary>
/// The store's own statements, read once from the <c>.sql</c> files embedded beside the Store types that run them
/// (<c>Store/&lt;Type&gt;.&lt;Statement&gt;.sql</c>).
/// </summary>
internal static class StoreSql
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Store/<paramref name="name"/>.sql</c>.</summary>
    public static string Get(string name) => Texts.GetOrAdd(name, Read);

    /// <summary>
    /// The text of <c>Store/<paramref name="name"/>.sql</c> with each <c>{placeholder}</c> replaced by a work table's
    /// name. Table names cannot be bound as parameters; these are built only from constants and a number
    /// (<see cref="WorkTables"/>), never from input.
    /// </summary>
    public static string Get(string name, WorkTables tables) =>
        Get(name)
            .Replace("{staged}", tables.Staged, StringComparison.Ordinal)
            .Replace("{classified}", tables.Classified, StringComparison.Ordinal)
            .Replace("{customer_keys}", tables.CustomerKeys, StringComparison.Ordinal)
            .Replace("{rejected}", tables.Rejected, StringComparison.Ordinal)
            .Replace("{duplicates}", tables.Duplicates, StringComparison.Ordinal);

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ComplianceAnalytics.Store.{name}.sql")
            ?? throw new InvalidOperationException($"The store statement {name}.sql is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
