namespace ComplianceAnalytics.Tests.Policies;

/// <summary>Finds files of the repository from the test's output folder, wherever it is built.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "sample-data", "policies");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ComplianceAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary policies folder, deleted when disposed.</summary>
internal sealed class TempPolicies : IDisposable
{
    public TempPolicies()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Folder, "calendars"));
    }

    public string Folder { get; }

    public TempPolicies With(string relativePath, string text)
    {
        File.WriteAllText(Path.Combine(Folder, relativePath), text);
        return this;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
