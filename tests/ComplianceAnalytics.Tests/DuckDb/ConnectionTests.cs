using System.Globalization;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Tests.DuckDb;

public sealed class ConnectionTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open(null, new Dictionary<string, string> { ["threads"] = "2" });
    private readonly DuckDbConnection _connection;

    public ConnectionTests() => _connection = _database.Connect();

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void A_query_spanning_several_chunks_returns_every_row_in_order()
    {
        using var reader = _connection.Query("SELECT i, 'row ' || i AS label, i % 3 = 0 AS third, 42 AS constant FROM range(10000) t(i) ORDER BY i");
        long expected = 0;
        while (reader.Read())
        {
            Assert.Equal(expected, reader.GetInt64(0));
            Assert.Equal("row " + expected.ToString(CultureInfo.InvariantCulture), reader.GetString(1));
            Assert.Equal(expected % 3 == 0, reader.GetBoolean(2));
            Assert.Equal(42, reader.GetInt32(3));
            expected++;
        }

        Assert.Equal(10_000, expected);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Multiple_statements_run_without_parameters_and_report_rows_changed()
    {
        var changed = _connection.Execute("CREATE TABLE m (v INTEGER); INSERT INTO m SELECT * FROM range(5); UPDATE m SET v = v + 1 WHERE v < 3");
        // The counts of every statement add up: 5 inserted, 3 updated.
        Assert.Equal(8, changed);
        // 0..4 became 1, 2, 3, 3, 4.
        Assert.Equal(3, _connection.Execute("DELETE FROM m WHERE v >= ?", 3));
        Assert.Equal(3L, _connection.Scalar<long>("SELECT sum(v) FROM m"));
        Assert.Equal(2, _connection.Execute("INSERT INTO m VALUES (?), (?)", 10, 20));
    }

    [Theory]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("Robert'); DROP TABLE x;--")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("$1 ? :name @p \\x00")]
    public void Hostile_strings_are_stored_verbatim(string hostile)
    {
        _connection.Execute("CREATE TABLE x (v VARCHAR)");
        Assert.Equal(1, _connection.Execute("INSERT INTO x VALUES (?)", hostile));
        Assert.Equal(hostile, _connection.Scalar<string>("SELECT v FROM x"));
        Assert.Equal(1L, _connection.Scalar<long>("SELECT count(*) FROM x WHERE v = ?", hostile));
        Assert.Equal(1L, _connection.Scalar<long>("SELECT count(*) FROM x WHERE list_contains(?, v)", (object)new[] { "other", hostile }));
    }

    [Fact]
    public void Errors_carry_duckdbs_message()
    {
        var syntax = Assert.Throws<DuckDbException>(() => _connection.Execute("SELEC 1"));
        Assert.Contains("syntax error", syntax.Message, StringComparison.OrdinalIgnoreCase);

        // DuckDB.NET prepares a statement when it first runs, so a missing table is reported then.
        using (var missing = _connection.Prepare("SELECT * FROM missing_table WHERE a = ?"))
        {
            missing.Bind(1, 1);
            var prepare = Assert.Throws<DuckDbException>(() => missing.ExecuteReader().Dispose());
            Assert.Contains("missing_table", prepare.Message, StringComparison.Ordinal);
        }

        _connection.Execute("CREATE TABLE k (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
        _connection.Execute("INSERT INTO k VALUES (?, ?)", 1, 1);
        var duplicate = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO k VALUES (?, ?)", 1, 2));
        Assert.Contains("Duplicate key", duplicate.Message, StringComparison.OrdinalIgnoreCase);
        var notNull = Assert.Throws<DuckDbException>(() => _connection.Execute("INSERT INTO k VALUES (2, NULL)"));
        Assert.Contains("NOT NULL", notNull.Message, StringComparison.Ordinal);

        var conversion = Assert.Throws<DuckDbException>(() => _connection.Scalar<int>("SELECT ?::INTEGER", "not a number"));
        Assert.Contains("Conversion Error", conversion.Message, StringComparison.Ordinal);

        using var statement = _connection.Prepare("SELECT ? + 1");
        Assert.Throws<ArgumentException>(() => statement.Bind(1, new object()));

        // The connection stays usable after every failure.
        Assert.Equal(1L, _connection.Scalar<long>("SELECT count(*) FROM k"));
    }

    [Fact]
    public void Prepared_statements_rebind()
    {
        _connection.Execute("CREATE TABLE p (a BIGINT, b VARCHAR)");
        using (var insert = _connection.Prepare("INSERT INTO p VALUES (?, ?)"))
        {
            for (var i = 0; i < 100; i++)
            {
                insert.BindAll((long)i, i % 2 == 0 ? "even" : null);
                Assert.Equal(1, insert.ExecuteNonQuery());
            }
        }

        using var select = _connection.Prepare("SELECT count(*), sum(a) FROM p WHERE b IS NOT DISTINCT FROM ?");
        select.Bind(1, "even");
        using (var reader = select.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(50, reader.GetInt64(0));
            Assert.Equal(2450m, reader.GetDecimal(1));
        }

        select.Bind(1, null);
        using (var reader = select.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(50, reader.GetInt64(0));
            Assert.Equal(2500L, reader.GetInt64(1));
        }
    }

    [Fact]
    public void Transactions_commit_roll_back_and_roll_back_on_dispose()
    {
        _connection.Execute("CREATE TABLE tx (v INTEGER)");
        using (var committed = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO tx VALUES (?)", 1);
            committed.Commit();
            Assert.Throws<InvalidOperationException>(committed.Commit);
        }

        using (var rolledBack = _connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO tx VALUES (?)", 2);
            Assert.Equal(2L, _connection.Scalar<long>("SELECT count(*) FROM tx"));
            rolledBack.Rollback();
        }

        using (_connection.BeginTransaction())
        {
            _connection.Execute("INSERT INTO tx VALUES (?)", 3);
        }

        Assert.Equal(1L, _connection.Scalar<long>("SELECT count(*) FROM tx"));
        Assert.Equal(1L, _connection.Scalar<long>("SELECT sum(v) FROM tx"));

        // Another connection never saw the uncommitted rows and sees the committed one.
        using var other = _database.Connect();
        Assert.Equal(1L, other.Scalar<long>("SELECT count(*) FROM tx"));
    }

    [Fact]
    public void A_long_query_is_interrupted_from_another_thread()
    {
        var query = Task.Run(() => _connection.Scalar<long>("SELECT count(*) FROM range(1000000000000) t(i) WHERE i % 7 = 3"));
        var started = DateTime.UtcNow;
        while (!query.IsCompleted && DateTime.UtcNow - started < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(50);
            _connection.Interrupt();
        }

        var error = Assert.ThrowsAny<DuckDbException>(() => query.GetAwaiter().GetResult());
        Assert.Contains("Interrupt", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, _connection.Scalar<long>("SELECT 1"));
    }

    [Fact]
    public void Built_in_csv_and_json_readers_load()
    {
        var directory = Directory.CreateTempSubdirectory("duckdb-test-");
        try
        {
            var csv = Path.Combine(directory.FullName, "data.csv");
            File.WriteAllText(csv, "id,amount,name\n1,10.50,Ann\n2,20.25,Bob\n");
            var json = Path.Combine(directory.FullName, "data.json");
            File.WriteAllText(json, """[{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}]""");

            // File names travel as parameters too.
            Assert.Equal(30.75m, _connection.Scalar<decimal>("SELECT sum(amount)::DECIMAL(18,2) FROM read_csv(?)", csv));
            Assert.Equal("Bob", _connection.Scalar<string>("SELECT name FROM read_csv(?) WHERE id = 2", csv));
            Assert.Equal(2L, _connection.Scalar<long>("SELECT sum(len(tags)) FROM read_json(?)", json));
            Assert.Equal("b", _connection.Scalar<string>("SELECT json_extract_string(?, '$.x[1]')", """{"x": ["a", "b"]}"""));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Using_a_disposed_connection_throws()
    {
        var connection = _database.Connect();
        connection.Dispose();
        Assert.Throws<ObjectDisposedException>(() => connection.Execute("SELECT 1"));
    }
}
