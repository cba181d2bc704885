using System.Security.Cryptography;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// The pack definitions of a folder (<c>reports/*.yaml</c>), each with the SHA-256 of its file so the
/// manifest can say which definition laid out a workbook. A bad definition stops the load with a
/// message naming its file, line and field.
/// </summary>
public sealed class PackCatalog
{
    private PackCatalog(IReadOnlyList<(PackDefinition Definition, string Sha256)> packs, string folder)
    {
        Packs = packs;
        Folder = folder;
    }

    /// <summary>The folder the definitions were read from, for error messages.</summary>
    public string Folder { get; }

    /// <summary>The packs in ordinal order of name.</summary>
    public IReadOnlyList<(PackDefinition Definition, string Sha256)> Packs { get; }

    /// <summary>Reads every <c>*.yaml</c> in <paramref name="folder"/> with its SHA-256; a missing folder or an invalid definition throws.</summary>
    public static PackCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The pack definitions folder '{folder}' does not exist.");
        }

        var packs = Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var bytes = File.ReadAllBytes(file);
                var definition = PackDefinitionLoader.Parse(System.Text.Encoding.UTF8.GetString(bytes), file);
                return (definition, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            })
            .OrderBy(p => p.definition.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = packs.GroupBy(p => p.definition.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PackDefinitionException($"{folder}: more than one definition is named '{duplicate.Key}' ({string.Join(", ", duplicate.Select(p => p.definition.SourcePath))})");
        }

        return new PackCatalog(packs, folder);
    }

    /// <summary>Every pack, or only the one named; an unknown name is an error that lists the known ones.</summary>
    public IReadOnlyList<(PackDefinition Definition, string Sha256)> Select(string? name)
    {
        if (name is null)
        {
            return Packs;
        }

        var chosen = Packs.Where(p => string.Equals(p.Definition.Name, name, StringComparison.Ordinal)).ToList();
        return chosen.Count > 0
            ? chosen
            : throw new ArgumentException($"There is no pack '{name}' in {Folder} (known: {string.Join(", ", Packs.Select(p => p.Definition.Name))}).", nameof(name));
    }
}
