using ComplianceAnalytics.Packs;

namespace ComplianceAnalytics.Tests.Packs;

/// <summary>A sample pack with every chart type, hostile text, an empty table and a capped table.</summary>
internal static class PackFixtures
{
    public const string Yaml = """
        name: compliance
        title: Monthly compliance pack
        sheets:
          - name: Summary
            query: summary
            description: Headline attainment per org and stage
            columns:
              - { source: org, header: Organisation, width: 16 }
              - { source: stage, header: Stage, width: 14 }
              - { source: cases, header: Cases, format: integer }
              - { source: attainment, header: Attainment, format: percent, width: 12 }
            conditional: { column: attainment, kind: rag, red_below: 0.8, amber_below: 0.95 }
            chart:
              type: column
              title: Attainment by stage
              category: stage
              series: [attainment]
              y_axis_title: Attainment
              percent_axis: true
              target: 0.95
          - name: Monthly trend
            query: trend
            description: Attainment over the last 12 months
            columns:
              - { source: month, header: Month }
              - { source: attainment, header: Attainment, format: percent }
              - { source: median_days, header: Median days, format: days1 }
            chart:
              type: line
              title: Attainment trend
              category: month
              series: attainment
              y_axis_title: Attainment
              percent_axis: true
              target: 0.95
          - name: Breaches by org
            query: breaches
            description: Open cases by days past the limit
            conditional: { column: total, kind: color_scale }
            chart:
              type: stacked_bar
              title: Cases past the limit
              category: [org, stage]
              series: [d0_7, d8_28, d29_plus]
              y_axis_title: Cases
          - name: It's hostile
            query: hostile
            description: "=HYPERLINK(\"http://x\",\"title\")"
            chart:
              type: stacked_column
              title: Hostile
              category: text
              series: [n]
          - name: Empty
            query: empty
          - name: Capped
            query: capped
            max_rows: 5
          - name: Manifest
            query: manifest
        """;

    public static readonly string[] HostileValues =
        ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "=1+1\r\n=2", " padded ", "_x0041_", "bell\u0007"];

    public static readonly WorkbookMetadata Metadata = new("ComplianceAnalytics tests", "2025-06", new DateTime(2025, 7, 1, 6, 0, 0, DateTimeKind.Utc));

    public static PackDefinition Definition() => PackDefinitionLoader.Parse(Yaml, "reports/compliance.yaml");

    public static Dictionary<string, PackTable> Tables()
    {
        string[] stages = ["Acknowledge", "Investigate", "Respond", "Escalation", "Final response", "ADR referral"];
        double[] attainment = [0.99, 0.91, 0.78, 0.96, 0.87, 1.0];
        var trend = Enumerable.Range(0, 12)
            .Select(i => new object?[] { new DateOnly(2024, 7, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), 0.82 + (0.012 * i) - (i % 3 == 0 ? 0.03 : 0), 9.5m - (i * 0.25m) })
            .ToList();
        return new Dictionary<string, PackTable>(StringComparer.Ordinal)
        {
            ["summary"] = new(
                ["org", "stage", "cases", "attainment", "ignored"],
                stages.Select((s, i) => new object?[] { "Acme Bank", s, 120L + (i * 37), attainment[i], "not shown" }).ToList()),
            ["trend"] = new(["month", "attainment", "median_days"], trend),
            ["breaches"] = new(
                ["org", "stage", "d0_7", "d8_28", "d29_plus", "total"],
                [
                    ["Acme Bank", "Respond", 12, 5, 2, 19],
                    ["Acme Bank", "Escalation", 4, 3, 0, 7],
                    ["Beta Insure", "Respond", 8, 9, 6, 23],
                    ["Gamma Loans", "Respond", 3, 1, null, 4],
                ]),
            ["It's hostile"] = new(["text", "n", "flag", "when", "at"], HostileValues.Select((v, i) => new object?[] { v, i, i % 2 == 0, new DateOnly(2025, 6, 1 + i), new DateTime(2025, 6, 1, 12, i, 30, DateTimeKind.Utc) }).ToList()),
            ["empty"] = new(["org", "cases"], []),
            ["capped"] = new(["n", "ratio"], Enumerable.Range(1, 12).Select(i => new object?[] { i, i / 8m }).ToList()),
            ["manifest"] = new(["key", "value"], [["pack", "compliance"], ["period", "2025-06"], ["rows", 42L]]),
        };
    }

    /// <summary>A fresh temporary folder for one test's files.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "packs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
