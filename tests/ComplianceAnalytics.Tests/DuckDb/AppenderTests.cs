using System.Diagnostics;
using System.Globalization;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Tests.DuckDb;

public sealed class AppenderTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open(":memory:");
    private readonly DuckDbConnection _connection;

    public AppenderTests() => _connection = _database.Connect();

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Every_appendable_type_round_trips_including_timestamptz()
    {
        _connection.Execute("""
            CREATE SCHEMA s;
            CREATE TABLE s.a (
                v VARCHAR, l BIGINT, i INTEGER, d DOUBLE, b BOOLEAN, m DECIMAL(18,2), big DECIMAL(38,10),
                dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ)
            """);
        const long micros = 1_711_922_130_123_456; // 2024-03-31T21:55:30.123456Z
        using (var appender = _connection.CreateAppender("a", "s"))
        {
            appender.Append("exactly12chr").Append(long.MaxValue).Append(int.MinValue).Append(-0.5).Append(true)
                .Append(1234567890123456.78m).Append(-1234567890123456789012345678.0123456789m)
                .AppendDate(new DateOnly(2024, 2, 29)).AppendTimestampMicros(micros).AppendTimestampMicros(micros)
                .EndRow();
            appender.Append((string?)null).AppendNull().AppendNull().AppendNull().AppendNull()
                .AppendNull().AppendNull().AppendNull().AppendNull().AppendNull()
                .EndRow();
        }

        using var reader = _connection.Query("SELECT *, epoch_us(tz), tz = TIMESTAMPTZ '2024-03-31 21:55:30.123456+00' FROM s.a ORDER BY v NULLS LAST");
        Assert.True(reader.Read());
        Assert.Equal("exactly12chr", reader.GetString(0));
        Assert.Equal(long.MaxValue, reader.GetInt64(1));
        Assert.Equal(int.MinValue, reader.GetInt32(2));
        Assert.Equal(-0.5, reader.GetDouble(3));
        Assert.True(reader.GetBoolean(4));
        Assert.Equal(1234567890123456.78m, reader.GetDecimal(5));
        Assert.Equal(-1234567890123456789012345678.0123456789m, reader.GetDecimal(6));
        Assert.Equal(new DateOnly(2024, 2, 29), reader.GetDate(7));
        Assert.Equal(micros, reader.GetTimestampMicros(8));
        Assert.Equal(DuckDbType.TimestampTz, reader.GetColumnType(9));
        Assert.Equal(micros, reader.GetTimestampMicros(9));
        Assert.Equal(micros, reader.GetInt64(10));
        Assert.True(reader.GetBoolean(11));
        Assert.Equal(new DateTime(2024, 3, 31, 21, 55, 30, DateTimeKind.Utc).AddTicks(1_234_560), reader.GetDateTime(9));

        Assert.True(reader.Read());
        for (var i = 0; i < 10; i++)
        {
            Assert.True(reader.IsNull(i));
        }

        Assert.False(reader.Read());
    }

    [Fact]
    public void Decimal_appends_are_exact_and_round_to_the_column_scale()
    {
        _connection.Execute("CREATE TABLE m (a DECIMAL(18,2))");
        using (var appender = _connection.CreateAppender("m"))
        {
            foreach (var value in new[] { 0.1m, 0.2m, 0.005m, -0.015m, 99999999999999.99m })
            {
                appender.Append(value).EndRow();
            }
        }

        Assert.Equal(
            ["0.10", "0.20", "0.01", "-0.02", "99999999999999.99"],
            Strings("SELECT a::VARCHAR FROM m ORDER BY rowid"));
        Assert.Equal(100000000000000.28m, _connection.Scalar<decimal>("SELECT sum(a) FROM m"));
    }

    [Fact]
    public void A_hundred_thousand_rows_append_correctly()
    {
        _connection.Execute("CREATE TABLE bulk (id BIGINT, name VARCHAR, amount DECIMAL(18,2), ts TIMESTAMPTZ, day DATE)");
        const int rows = 100_000;
        // Speed is the benchmark's business (scripts/benchmark.sh), never a timed test's.
        using (var appender = _connection.CreateAppender("bulk"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.Append((long)i)
                    .Append("name number " + i.ToString(CultureInfo.InvariantCulture))
                    .Append(i / 100m)
                    .AppendTimestampMicros(1_700_000_000_000_000L + i)
                    .AppendDate(DateOnly.FromDayNumber(738_000 + (i % 365)))
                    .EndRow();
            }
        }

        using var reader = _connection.Query("""
            SELECT count(*), sum(id), sum(amount), sum(epoch_us(ts) - 1700000000000000), count(DISTINCT day),
                   max(name), min(length(name))
            FROM bulk
            """);
        Assert.True(reader.Read());
        Assert.Equal(rows, reader.GetInt64(0));
        Assert.Equal((long)rows * (rows - 1) / 2, reader.GetInt64(1));
        Assert.Equal((decimal)rows * (rows - 1) / 2 / 100, reader.GetDecimal(2));
        Assert.Equal((long)rows * (rows - 1) / 2, reader.GetInt64(3));
        Assert.Equal(365, reader.GetInt64(4));
        Assert.Equal("name number 99999", reader.GetString(5));
        Assert.Equal(13, reader.GetInt64(6));
    }

    [Fact]
    public void Errors_surface_as_duckdb_exceptions()
    {
        var missing = Assert.Throws<DuckDbException>(() => _connection.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", missing.Message, StringComparison.Ordinal);

        _connection.Execute("CREATE TABLE e (id INTEGER PRIMARY KEY, n INTEGER)");
        var appender = _connection.CreateAppender("e");
        var tooMany = Assert.Throws<DuckDbException>(() => appender.Append(1).Append(2).Append(3));
        Assert.False(string.IsNullOrWhiteSpace(tooMany.Message));
        // The failure was already raised; disposing discards the broken row instead of failing again.
        appender.Dispose();
        Assert.Equal(0L, _connection.Scalar<long>("SELECT count(*) FROM e"));

        // An unfinished row without an earlier failure is a bug that Dispose reports.
        var unfinished = _connection.CreateAppender("e");
        unfinished.Append(9);
        var incomplete = Assert.Throws<DuckDbException>(unfinished.Dispose);
        Assert.Contains("incomplete", incomplete.Message, StringComparison.OrdinalIgnoreCase);

        var conversion = Assert.Throws<DuckDbException>(() =>
        {
            using var bad = _connection.CreateAppender("e");
            bad.Append("not a number");
        });
        Assert.Contains("Could not convert", conversion.Message, StringComparison.OrdinalIgnoreCase);

        // A constraint violation shows when the rows are written: on Dispose (close + flush).
        var duplicate = Assert.Throws<DuckDbException>(() =>
        {
            using var dup = _connection.CreateAppender("e");
            dup.Append(1).Append(1).EndRow();
            dup.Append(1).Append(2).EndRow();
        });
        Assert.Contains("Duplicate key", duplicate.Message, StringComparison.OrdinalIgnoreCase);
    }

    private List<string> Strings(string sql)
    {
        using var reader = _connection.Query(sql);
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
