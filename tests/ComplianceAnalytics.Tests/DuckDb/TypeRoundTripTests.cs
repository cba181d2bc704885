using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Tests.DuckDb;

public sealed class TypeRoundTripTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open(":memory:");
    private readonly DuckDbConnection _connection;

    public TypeRoundTripTests() => _connection = _database.Connect();

    public void Dispose()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void Every_type_round_trips_through_parameters_with_nulls()
    {
        _connection.Execute("""
            CREATE TABLE t (
                b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE, m18 DECIMAL(18,2), m38 DECIMAL(38,10),
                s VARCHAR, dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ, bl BLOB, tags VARCHAR[])
            """);
        var instant = new DateTime(2024, 3, 31, 22, 15, 30, DateTimeKind.Utc).AddTicks(1234560);
        var tz = new DateTimeOffset(2024, 10, 27, 1, 30, 0, TimeSpan.FromHours(2)).AddTicks(7);
        var changed = _connection.Execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            true, -42, 9_007_199_254_740_993L, 0.1, 12345678901234.56m, 1234567890123456789012345678.0123456789m,
            "Zoë ünïcødé ✓ 😀", new DateOnly(1969, 12, 31), instant, tz, new byte[] { 0, 1, 2, 255 },
            new[] { "a", null, "a longer string than twelve" });
        Assert.Equal(1, changed);
        _connection.Execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            null, null, null, null, null, null, null, null, null, null, null, null);

        using var reader = _connection.Query("SELECT * FROM t ORDER BY b NULLS LAST");
        Assert.Equal(12, reader.FieldCount);
        Assert.Equal(
            [DuckDbType.Boolean, DuckDbType.Integer, DuckDbType.BigInt, DuckDbType.Double, DuckDbType.Decimal, DuckDbType.Decimal,
             DuckDbType.Varchar, DuckDbType.Date, DuckDbType.Timestamp, DuckDbType.TimestampTz, DuckDbType.Blob, DuckDbType.List],
            Enumerable.Range(0, reader.FieldCount).Select(reader.GetColumnType));
        Assert.Equal("m38", reader.GetName(5));
        Assert.Equal(6, reader.GetOrdinal("s"));
        Assert.Equal(6, reader.GetOrdinal("S"));

        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-42, reader.GetInt32(1));
        Assert.Equal(9_007_199_254_740_993L, reader.GetInt64(2));
        Assert.Equal(0.1, reader.GetDouble(3));
        Assert.Equal(12345678901234.56m, reader.GetDecimal(4));
        Assert.Equal(1234567890123456789012345678.0123456789m, reader.GetDecimal(5));
        Assert.Equal("Zoë ünïcødé ✓ 😀", reader.GetString(6));
        Assert.Equal(new DateOnly(1969, 12, 31), reader.GetDate(7));
        Assert.Equal(instant, reader.GetDateTime(8));
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(8).Kind);
        // TIMESTAMPTZ keeps microseconds: the 7 ticks (0.7 µs) are dropped.
        Assert.Equal(tz.UtcDateTime.AddTicks(-7), reader.GetDateTime(9));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, (byte[])reader.GetValue(10)!);
        Assert.Equal(new[] { "a", null, "a longer string than twelve" }, (string?[])reader.GetValue(11)!);
        Assert.Equal(12345678901234.56m, reader.GetValue(4));
        Assert.Equal(new DateTimeOffset(tz.UtcDateTime.AddTicks(-7)), reader.GetValue(9));

        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.True(reader.IsNull(i), reader.GetName(i));
            Assert.Null(reader.GetValue(i));
        }

        Assert.Throws<InvalidCastException>(() => reader.GetInt64(1));
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("")]
    [InlineData("exactly12chr")]
    [InlineData("thirteen char")]
    [InlineData("twelve bytes: ü")]
    [InlineData("a string that is much longer than the twelve inlined bytes of duckdb_string_t")]
    [InlineData("日本語のテキスト")]
    public void Strings_round_trip_inlined_and_pointed(string value)
    {
        Assert.Equal(value, _connection.Scalar<string>("SELECT ?::VARCHAR", value));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value), _connection.Scalar<long>("SELECT strlen(?)", value));
    }

    [Fact]
    public void Strings_compare_by_their_text()
    {
        _connection.Execute("CREATE TABLE codes (v VARCHAR)");
        _connection.Execute("""
            INSERT INTO codes VALUES ('acknowledged'), ('acknowledged'), ('Zoë'), (NULL), (''),
                ('a string longer than the twelve inlined bytes'), ('a string longer than the twelve inlined bytes')
            """);
        var read = new List<string?>();
        using (var reader = _connection.Query("SELECT v FROM codes"))
        {
            while (reader.Read())
            {
                var value = reader.IsNull(0) ? null : reader.GetString(0);
                Assert.True(value is null || reader.StringEquals(0, value));
                Assert.False(reader.StringEquals(0, (value ?? "") + "x"));
                Assert.False(reader.StringEquals(0, null));
                read.Add(value);
            }
        }

        Assert.Equal(["acknowledged", "acknowledged", "Zoë", null, "", "a string longer than the twelve inlined bytes", "a string longer than the twelve inlined bytes"], read);
        // Non-ASCII text compares by its decoded value, not by length in bytes.
        using var other = _connection.Query("SELECT 'Zoë'");
        Assert.True(other.Read());
        Assert.True(other.StringEquals(0, "Zoë"));
        Assert.False(other.StringEquals(0, "Zoe"));
    }

    [Fact]
    public void Exactly_twelve_and_thirteen_byte_strings_read_from_a_table()
    {
        _connection.Execute("CREATE TABLE s (v VARCHAR)");
        _connection.Execute("INSERT INTO s VALUES ('123456789012'), ('1234567890123'), (NULL), ('')");
        using var reader = _connection.Query("SELECT v, length(v) FROM s");
        var rows = new List<string?>();
        while (reader.Read())
        {
            rows.Add(reader.IsNull(0) ? null : reader.GetString(0));
        }

        Assert.Equal(["123456789012", "1234567890123", null, ""], rows);
    }

    [Fact]
    public void Integer_widths_and_unsigned_types_read_as_int64()
    {
        using var reader = _connection.Query("""
            SELECT -5::TINYINT, -300::SMALLINT, 70000::INTEGER, '-9223372036854775808'::BIGINT,
                   255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, 18446744073709551615::UBIGINT,
                   170141183460469231731687303715884105727::HUGEINT, 1.5::FLOAT, 2.25::DOUBLE
            """);
        Assert.True(reader.Read());
        Assert.Equal(-5, reader.GetInt64(0));
        Assert.Equal(-300, reader.GetInt64(1));
        Assert.Equal(70000, reader.GetInt32(2));
        Assert.Equal(long.MinValue, reader.GetInt64(3));
        Assert.Equal(255, reader.GetInt64(4));
        Assert.Equal(65535, reader.GetInt64(5));
        Assert.Equal(4294967295, reader.GetInt64(6));
        Assert.Throws<OverflowException>(() => reader.GetInt64(7));
        Assert.Equal(ulong.MaxValue, reader.GetValue(7));
        Assert.Equal(Int128.MaxValue, reader.GetValue(8));
        Assert.Equal(1.5, reader.GetDouble(9));
        Assert.Equal(2.25m, reader.GetDecimal(10));
        Assert.Equal((sbyte)-5, reader.GetValue(0));
        Assert.Equal(DuckDbType.UBigInt, reader.GetColumnType(7));
        Assert.Equal(DuckDbType.HugeInt, reader.GetColumnType(8));
        Assert.Equal("170141183460469231731687303715884105727", reader.GetString(8));
        Assert.Equal("1.5", reader.GetString(9));
    }

    [Fact]
    public void Decimals_of_every_internal_width_read_exactly()
    {
        using var reader = _connection.Query("""
            SELECT -12.34::DECIMAL(4,2), 123456.789::DECIMAL(9,3), -1234567890123456.78::DECIMAL(18,2),
                   12345678901234567890.123456789::DECIMAL(38,9), -0.0000000001::DECIMAL(38,10),
                   sum(x) FROM (VALUES (0.10::DECIMAL(18,2)), (0.20::DECIMAL(18,2))) v(x)
            """);
        Assert.True(reader.Read());
        Assert.Equal(-12.34m, reader.GetDecimal(0));
        Assert.Equal(123456.789m, reader.GetDecimal(1));
        Assert.Equal(-1234567890123456.78m, reader.GetDecimal(2));
        Assert.Equal(12345678901234567890.123456789m, reader.GetDecimal(3));
        Assert.Equal(-0.0000000001m, reader.GetDecimal(4));
        Assert.Equal(0.30m, reader.GetDecimal(5));
        Assert.Equal(DuckDbType.Decimal, reader.GetColumnType(5));
        Assert.Equal(-12.34, reader.GetDouble(0), 10);
        Assert.Equal("-1234567890123456.78", reader.GetString(2));
    }

    [Fact]
    public void Decimal_parameters_are_exact_in_arithmetic()
    {
        // 0.1 + 0.2 is exactly 0.3 only if the parameters are bound as decimals, not doubles.
        Assert.Equal(0.3m, _connection.Scalar<decimal>("SELECT ? + ?", 0.1m, 0.2m));
        Assert.True(_connection.Scalar<bool>("SELECT ? + ? = 0.3", 0.1m, 0.2m));
        Assert.Equal(79228162514264337593543950335m, _connection.Scalar<decimal>("SELECT ?", decimal.MaxValue));
        Assert.Equal(-0.0000000000000000000000000001m, _connection.Scalar<decimal>("SELECT ?", -0.0000000000000000000000000001m));

        _connection.Execute("CREATE TABLE amounts (a DECIMAL(18,2))");
        _connection.Execute("INSERT INTO amounts VALUES (?), (?), (?)", 1234567890123456.78m, -0.01m, 100m);
        Assert.Equal(1234567890123556.77m, _connection.Scalar<decimal>("SELECT sum(a) FROM amounts"));
        Assert.Equal(1L, _connection.Scalar<long>("SELECT count(*) FROM amounts WHERE a = ?", -0.01m));
    }

    [Fact]
    public void Dates_and_timestamps_round_trip_through_parameters()
    {
        var date = new DateOnly(2024, 2, 29);
        Assert.Equal(date, _connection.Scalar<DateOnly>("SELECT ?", date));
        Assert.Equal("2024-02-29", _connection.Scalar<string>("SELECT ?::VARCHAR", date));
        Assert.Equal(new DateOnly(1900, 1, 1), _connection.Scalar<DateOnly>("SELECT DATE '1900-01-01'"));

        var utc = new DateTime(1965, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(10);
        Assert.Equal(utc, _connection.Scalar<DateTime>("SELECT ?", utc));
        Assert.Throws<ArgumentException>(() => _connection.Scalar<DateTime>("SELECT ?", DateTime.SpecifyKind(utc, DateTimeKind.Local)));

        var instant = new DuckDbTimestamp(1_711_922_130_123_456);
        Assert.Equal(instant, _connection.Scalar<DuckDbTimestamp>("SELECT ?", instant));
        Assert.Equal(DuckDbType.TimestampTz, ColumnType("SELECT ?", instant));
        Assert.Equal(1_711_922_130_123_456, _connection.Scalar<long>("SELECT epoch_us(?)", instant));

        var offset = new DateTimeOffset(2024, 3, 31, 23, 55, 30, TimeSpan.FromHours(-5));
        Assert.Equal(offset, _connection.Scalar<DateTimeOffset>("SELECT ?", offset));
        Assert.Equal(offset.ToUnixTimeMilliseconds() * 1000, _connection.Scalar<long>("SELECT epoch_us(?)", offset));
    }

    [Fact]
    public void Other_types_read_through_get_value()
    {
        using var reader = _connection.Query("""
            SELECT '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID, '00000000-0000-0000-0000-000000000001'::UUID,
                   INTERVAL '1 month 2 days 3 seconds', TIME '12:34:56.789', [1, 2, 3]
            """);
        Assert.True(reader.Read());
        Assert.Equal(DuckDbType.Uuid, reader.GetColumnType(0));
        Assert.Equal(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), reader.GetValue(0));
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000001"), reader.GetValue(1));
        Assert.Equal(DuckDbType.Interval, reader.GetColumnType(2));
        Assert.Equal(new DuckDbInterval(1, 2, 3_000_000), reader.GetValue(2));
        Assert.Equal(new TimeOnly(12, 34, 56, 789), reader.GetValue(3));
        Assert.Equal(new object?[] { 1, 2, 3 }, (object?[])reader.GetValue(4)!);
        Assert.Equal("[1, 2, 3]", reader.GetString(4));
    }

    [Fact]
    public void Scalar_returns_null_for_null_and_for_no_rows()
    {
        Assert.Null(_connection.Scalar<string>("SELECT NULL::VARCHAR"));
        Assert.Null(_connection.Scalar<long?>("SELECT NULL::BIGINT"));
        Assert.Null(_connection.Scalar<decimal?>("SELECT 1.5 WHERE false"));
        Assert.Equal(0L, _connection.Scalar<long>("SELECT NULL::BIGINT"));
        Assert.Equal(7L, _connection.Scalar<long?>("SELECT 7"));
        Assert.Equal(2.5, _connection.Scalar<double>("SELECT 2.5::DOUBLE"));
        Assert.Equal("x", _connection.Scalar<object>("SELECT 'x'"));
        Assert.Equal(3, _connection.Scalar<int>("SELECT 1 + ?", 2));
    }

    [Fact]
    public void Blobs_including_empty_round_trip()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        Assert.Equal(bytes, _connection.Scalar<object>("SELECT ?", bytes));
        Assert.Equal(Array.Empty<byte>(), _connection.Scalar<object>("SELECT ?", Array.Empty<byte>()));
    }

    private DuckDbType ColumnType(string sql, params object?[] parameters)
    {
        using var reader = _connection.Query(sql, parameters);
        return reader.GetColumnType(0);
    }
}
