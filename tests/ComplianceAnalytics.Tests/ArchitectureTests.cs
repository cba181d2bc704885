using System.Reflection;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.SampleData;
using NetArchTest.Rules;

namespace ComplianceAnalytics.Tests;

/// <summary>
/// The layers follow the data's path, and no arrow runs back up it: a layer may use the layers before
/// it, never one after it. A namespace the test does not know fails it, so that a new one is placed in
/// the order on purpose.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "ComplianceAnalytics";

    /// <summary>
    /// From the first layer to the last. Yaml, the one way every reader of the product's YAML files
    /// (policies, actions, pack definitions, mapping profiles) loads a file and finds its keys, knows
    /// nothing of complaints and comes first. Domain, the contract's vocabulary (event types, canonical
    /// columns), comes next so that every layer after it may use it and it uses none. The Store comes next: every
    /// layer after it reads or writes it and it knows none of them. Policies, the improvement actions read
    /// beside them (Actions) and Privacy follow; then the evaluation chain that reads the Store (Clocks,
    /// Measures, Packs, Publishing). Exports (mapping profiles) and Ingestion are the intake edge: they
    /// write into the Store, and they come after the chain not because they use it but so that nothing
    /// in it can reach back to the export format. Hosting composes everything. The sample generator is
    /// a project of its own (ComplianceAnalytics.SampleData) that the product does not reference.
    /// </summary>
    private static readonly string[] Layers =
    [
        "Yaml",
        "Domain",
        "Store",
        "Policies",
        "Actions",
        "Privacy",
        "Clocks",
        "Measures",
        "Packs",
        "Publishing",
        "Exports",
        "Ingestion",
        "Hosting",
    ];

    private static Assembly Product => typeof(ComplianceOptions).Assembly;

    [Fact]
    public void Every_namespace_has_a_place_in_the_layers()
    {
        var known = Layers.Select(l => $"{Root}.{l}").ToHashSet(StringComparer.Ordinal);
        var unknown = Types.InAssembly(Product).GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith(Root + ".", StringComparison.Ordinal) && !known.Contains(n))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unknown.Count == 0, "Namespaces with no place in ArchitectureTests.Layers: " + string.Join(", ", unknown));
    }

    [Fact]
    public void No_layer_uses_a_layer_after_it()
    {
        var violations = new List<string>();
        for (var i = 0; i < Layers.Length; i++)
        {
            for (var j = i + 1; j < Layers.Length; j++)
            {
                var (from, to) = (Layers[i], Layers[j]);
                var result = Types.InAssembly(Product)
                    .That().ResideInNamespaceMatching($"^{Root}\\.{from.Replace(".", "\\.", StringComparison.Ordinal)}$")
                    .ShouldNot().HaveDependencyOn($"{Root}.{to}")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    violations.Add($"{from} -> {to}: {string.Join(", ", result.FailingTypeNames ?? [])}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Arrows running back up:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// The layers that run SQL on the store: the Store's own types, and the ingestion that streams rows into
    /// it. Every other layer (the evaluation, the measures and publishing among them) goes through Store types
    /// and never sees a connection, a reader or an appender (the DuckDB façade).
    /// </summary>
    private static readonly string[] ConnectionLayers = ["Store", "Ingestion"];

    [Fact]
    public void Only_the_store_and_the_layers_that_stream_rows_use_the_DuckDb_facade()
    {
        var violations = Layers.Except(ConnectionLayers)
            .Select(layer => (Layer: layer, Result: Types.InAssembly(Product)
                .That().ResideInNamespaceMatching($"^{Root}\\.{layer}$")
                .ShouldNot().HaveDependencyOnAny($"{Root}.DuckDb", "DuckDB.NET")
                .GetResult()))
            .Where(r => !r.Result.IsSuccessful)
            .Select(r => $"{r.Layer}: {string.Join(", ", r.Result.FailingTypeNames ?? [])}")
            .ToList();
        Assert.True(violations.Count == 0, "Layers that reach a DuckDB connection outside the Store:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_product_does_not_reference_the_sample_generator()
    {
        var generator = typeof(SampleExportGenerator).Assembly;
        Assert.DoesNotContain(generator.GetName().Name, Product.GetReferencedAssemblies().Select(a => a.Name));
        // The arrow runs the other way: the generator builds on the product's calendars and vocabulary.
        Assert.Contains(Product.GetName().Name, generator.GetReferencedAssemblies().Select(a => a.Name));
    }
}
