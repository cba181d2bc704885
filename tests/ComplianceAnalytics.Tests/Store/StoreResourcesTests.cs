using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Tests.Store;

public sealed class StoreResourcesTests
{
    [Fact]
    public void Memory_limit_and_threads_apply_to_every_connection()
    {
        using var store = ComplianceStore.Open(":memory:", resources: new StoreResources("512MB", 1));
        using var further = store.OpenConnection();
        foreach (var connection in new[] { store.Connection, further })
        {
            // DuckDB reports 512 MB (decimal) in binary units.
            Assert.Equal("488.2 MiB", connection.Scalar<string>("SELECT current_setting('memory_limit')"));
            Assert.Equal(1L, connection.Scalar<long>("SELECT current_setting('threads')"));
        }
    }

    [Fact]
    public void The_default_is_512_megabytes()
    {
        using var store = ComplianceStore.Open(":memory:");
        Assert.Equal("488.2 MiB", store.Connection.Scalar<string>("SELECT current_setting('memory_limit')"));
    }

    [Theory]
    [InlineData("1GB", true)]
    [InlineData("512 MiB", true)]
    [InlineData("1.5gb", true)]
    [InlineData("100MB", false)]
    [InlineData("1GB'; DROP TABLE events; --", false)]
    [InlineData("", false)]
    public void Only_sizes_are_memory_limits(string text, bool valid)
    {
        Assert.Equal(valid, StoreResources.IsMemoryLimit(text));
        if (!valid)
        {
            Assert.Throws<ArgumentException>(() => new StoreResources(text, null));
        }
    }
}
