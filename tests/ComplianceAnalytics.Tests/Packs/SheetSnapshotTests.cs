using System.Runtime.CompilerServices;
using ComplianceAnalytics.Packs;

namespace ComplianceAnalytics.Tests.Packs;

public sealed class SheetSnapshotTests : IDisposable
{
    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The sample pack must match the approved dump. On a difference the new dump is written next to
    /// the approved file as <c>.received.txt</c>; review it, then approve it with <c>APPROVE_SNAPSHOTS=1 dotnet test</c>.
    /// </summary>
    [Fact]
    public void Sample_pack_matches_the_approved_snapshot()
    {
        var path = Path.Combine(_folder, "compliance-2025-06.xlsx");
        WorkbookWriter.Write(PackFixtures.Definition(), PackFixtures.Tables(), path, PackFixtures.Metadata);
        var actual = SheetSnapshot.Describe(path);

        ApprovedSnapshot.Verify(actual, ApprovedPath("compliance.txt"));
    }

    [Fact]
    public void Describe_shows_typed_values_and_visible_control_characters()
    {
        var path = Path.Combine(_folder, "compliance-2025-06.xlsx");
        WorkbookWriter.Write(PackFixtures.Definition(), PackFixtures.Tables(), path, PackFixtures.Metadata);
        var lines = SheetSnapshot.Describe(path).Split('\n');

        Assert.Contains("== It's hostile ==", lines);
        Assert.Contains("A8: \"\\r=1\"", lines);
        Assert.Contains("A11: \"_x0041_\"", lines);
        Assert.Contains("D3: 2025-06-01", lines);
        Assert.Contains("E3: 2025-06-01 12:00:30", lines);
        Assert.Contains("C3: TRUE", lines);
        Assert.Contains("D3: 0.99 [0.0%]", lines);
        Assert.Contains("  bar col clustered series 'Summary'!$D$2:$D$2 cat 'Summary'!$B$3:$B$8 val 'Summary'!$D$3:$D$8", lines);
    }

    private static string ApprovedPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "approved", name);
}
