using System.Diagnostics;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Tests.DuckDb;

[Collection(ComplianceAnalytics.Tests.Hosting.RunAloneTests.Name)]
public sealed class LifecycleTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("duckdb-lifecycle-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Ten_thousand_prepared_and_queried_statements_do_not_grow_memory()
    {
        using var database = DuckDbDatabase.Open(":memory:", new Dictionary<string, string> { ["threads"] = "1" });
        using var connection = database.Connect();

        void Run(int iterations)
        {
            for (var i = 0; i < iterations; i++)
            {
                using (var statement = connection.Prepare("SELECT ?::BIGINT * 2, ?::VARCHAR"))
                {
                    statement.BindAll((long)i, "a string longer than twelve bytes");
                    using var reader = statement.ExecuteReader();
                    Assert.True(reader.Read());
                    Assert.Equal(i * 2L, reader.GetInt64(0));
                    Assert.Equal("a string longer than twelve bytes", reader.GetString(1));
                }

                using var query = connection.Query("SELECT length(?), ?", "twelve chars", (long)i);
                Assert.True(query.Read());
                Assert.Equal(12, query.GetInt64(0));
            }
        }

        // Each iteration prepares one statement and runs one parameterised query: 10,000 statements after warm-up.
        Run(500);
        var (managedBefore, workingSetBefore) = Measure();
        Run(5_000);
        var (managedAfter, workingSetAfter) = Measure();

        const long limit = 50L * 1024 * 1024;
        Assert.True(managedAfter - managedBefore < limit, $"Managed memory grew by {managedAfter - managedBefore} bytes.");
        Assert.True(workingSetAfter - workingSetBefore < limit, $"Working set grew by {workingSetAfter - workingSetBefore} bytes.");
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    [Fact]
    public void A_file_database_reopens_read_only()
    {
        var path = Path.Combine(_directory.FullName, "store.duckdb");
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            connection.Execute("CREATE TABLE f (v VARCHAR); INSERT INTO f VALUES ('persisted')");
        }

        using (var readOnly = DuckDbDatabase.Open(path, new Dictionary<string, string> { ["access_mode"] = "READ_ONLY" }))
        using (var connection = readOnly.Connect())
        {
            Assert.Equal("persisted", connection.Scalar<string>("SELECT v FROM f"));
            var write = Assert.Throws<DuckDbException>(() => connection.Execute("INSERT INTO f VALUES (?)", "x"));
            Assert.Contains("read-only", write.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Two_opens_of_one_file_in_this_process_share_the_instance()
    {
        var path = Path.Combine(_directory.FullName, "shared.duckdb");
        using var first = DuckDbDatabase.Open(path);
        using var second = DuckDbDatabase.Open(path);
        using (var writer = first.Connect())
        {
            writer.Execute("CREATE TABLE s (v INTEGER)");
            writer.Execute("INSERT INTO s VALUES (?)", 7);
        }

        using (var reader = second.Connect())
        {
            Assert.Equal(7L, reader.Scalar<long>("SELECT v FROM s"));
        }
    }

    [Fact]
    public void A_file_locked_by_another_process_fails_with_duckdbs_message()
    {
        var path = Path.Combine(_directory.FullName, "locked.duckdb");
        DuckDbDatabase.Open(path).Dispose();

        // DuckDB uses POSIX record locks (fcntl F_SETLK); perl takes one on the whole file and holds it
        // until its stdin closes. The struct flock layout is that of 64-bit Linux.
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("""
            use Fcntl; open(my $fh, '+<', $ARGV[0]) or die $!;
            fcntl($fh, F_SETLK, pack('s s x4 q q l x4', F_WRLCK, SEEK_SET, 0, 0, 0)) or die $!;
            $| = 1; print "locked\n"; <STDIN>;
            """);
        start.ArgumentList.Add(path);
        using var holder = Process.Start(start)!;
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());
            var locked = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path));
            Assert.Contains("Could not set lock on file", locked.Message, StringComparison.Ordinal);
            Assert.Contains(path, locked.Message, StringComparison.Ordinal);
        }
        finally
        {
            holder.StandardInput.Close();
            holder.WaitForExit();
        }

        // Once the other process is gone the file opens again.
        using var reopened = DuckDbDatabase.Open(path);
    }

    [Fact]
    public void Open_failures_carry_duckdbs_message()
    {
        var badPath = Path.Combine(_directory.FullName, "no", "such", "directory", "store.duckdb");
        var missingDirectory = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(badPath));
        Assert.Contains(badPath, missingDirectory.Message, StringComparison.Ordinal);

        var notADatabase = Path.Combine(_directory.FullName, "text.duckdb");
        File.WriteAllText(notADatabase, "this is not a DuckDB file, but it is long enough to have a header........");
        var corrupt = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(notADatabase));
        Assert.Contains("not a valid DuckDB database file", corrupt.Message, StringComparison.OrdinalIgnoreCase);

        var missingReadOnly = Path.Combine(_directory.FullName, "absent.duckdb");
        Assert.Throws<DuckDbException>(() =>
            DuckDbDatabase.Open(missingReadOnly, new Dictionary<string, string> { ["access_mode"] = "READ_ONLY" }));

        var badOption = Assert.Throws<DuckDbException>(() =>
            DuckDbDatabase.Open(null, new Dictionary<string, string> { ["no_such_option"] = "1" }));
        Assert.Contains("no_such_option", badOption.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_limit_and_threads_configuration_apply()
    {
        using var database = DuckDbDatabase.Open(":memory:", new Dictionary<string, string>
        {
            ["threads"] = "1",
            ["memory_limit"] = "256MB",
        });
        using var connection = database.Connect();
        Assert.Equal(1L, connection.Scalar<long>("SELECT current_setting('threads')"));
        Assert.Contains("MiB", connection.Scalar<string>("SELECT current_setting('memory_limit')"), StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_outlive_the_statement_that_produced_them()
    {
        using var database = DuckDbDatabase.Open(null);
        using var connection = database.Connect();
        DuckDbReader reader;
        using (var statement = connection.Prepare("SELECT * FROM range(5000) t(i)"))
        {
            reader = statement.ExecuteReader();
        }

        using (reader)
        {
            var sum = 0L;
            while (reader.Read())
            {
                sum += reader.GetInt64(0);
            }

            Assert.Equal(5000L * 4999 / 2, sum);
        }

        Assert.Throws<ObjectDisposedException>(() => reader.Read());
    }
}
