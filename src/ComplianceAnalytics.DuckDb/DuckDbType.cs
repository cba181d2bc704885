namespace ComplianceAnalytics.DuckDb;

// The members are DuckDB's SQL type names (INTEGER, DOUBLE, DECIMAL...), which is the point of this enum.
#pragma warning disable CA1720

/// <summary>Mirrors DuckDB's <c>duckdb_type</c> enumeration; the numeric values are the C API's.</summary>
public enum DuckDbType
{
    /// <summary>No valid type: DuckDB reports it for a column whose type it could not determine.</summary>
    Invalid = 0,
    /// <summary>BOOLEAN: true or false.</summary>
    Boolean = 1,
    /// <summary>TINYINT: signed 8-bit integer.</summary>
    TinyInt = 2,
    /// <summary>SMALLINT: signed 16-bit integer.</summary>
    SmallInt = 3,
    /// <summary>INTEGER: signed 32-bit integer.</summary>
    Integer = 4,
    /// <summary>BIGINT: signed 64-bit integer.</summary>
    BigInt = 5,
    /// <summary>UTINYINT: unsigned 8-bit integer.</summary>
    UTinyInt = 6,
    /// <summary>USMALLINT: unsigned 16-bit integer.</summary>
    USmallInt = 7,
    /// <summary>UINTEGER: unsigned 32-bit integer.</summary>
    UInteger = 8,
    /// <summary>UBIGINT: unsigned 64-bit integer.</summary>
    UBigInt = 9,
    /// <summary>FLOAT: single-precision (32-bit) floating point.</summary>
    Float = 10,
    /// <summary>DOUBLE: double-precision (64-bit) floating point.</summary>
    Double = 11,
    /// <summary>TIMESTAMP: date and time without a zone, in microseconds (this code stores UTC in it).</summary>
    Timestamp = 12,
    /// <summary>DATE: a calendar day without a time or zone.</summary>
    Date = 13,
    /// <summary>TIME: a time of day without a zone, in microseconds.</summary>
    Time = 14,
    /// <summary>INTERVAL: months, days and microseconds held separately.</summary>
    Interval = 15,
    /// <summary>HUGEINT: signed 128-bit integer.</summary>
    HugeInt = 16,
    /// <summary>VARCHAR: UTF-8 text.</summary>
    Varchar = 17,
    /// <summary>BLOB: raw bytes.</summary>
    Blob = 18,
    /// <summary>DECIMAL(width, scale): exact fixed-point number.</summary>
    Decimal = 19,
    /// <summary>TIMESTAMP_S: date and time without a zone, in whole seconds.</summary>
    TimestampS = 20,
    /// <summary>TIMESTAMP_MS: date and time without a zone, in milliseconds.</summary>
    TimestampMs = 21,
    /// <summary>TIMESTAMP_NS: date and time without a zone, in nanoseconds.</summary>
    TimestampNs = 22,
    /// <summary>ENUM: one of a fixed list of strings.</summary>
    Enum = 23,
    /// <summary>LIST: a variable-length list of one child type (e.g. VARCHAR[]).</summary>
    List = 24,
    /// <summary>STRUCT: named fields of their own types.</summary>
    Struct = 25,
    /// <summary>MAP: key-value pairs.</summary>
    Map = 26,
    /// <summary>UUID: a 128-bit identifier.</summary>
    Uuid = 27,
    /// <summary>UNION: one value of one of several member types.</summary>
    Union = 28,
    /// <summary>BIT: a string of bits.</summary>
    Bit = 29,
    /// <summary>TIMETZ: a time of day with a UTC offset.</summary>
    TimeTz = 30,
    /// <summary>TIMESTAMPTZ: an instant, in microseconds since the epoch (UTC), shown in the session's time zone.</summary>
    TimestampTz = 31,
    /// <summary>UHUGEINT: unsigned 128-bit integer.</summary>
    UHugeInt = 32,
    /// <summary>ARRAY: a fixed-length list of one child type.</summary>
    Array = 33,
    /// <summary>ANY: a placeholder DuckDB uses in function signatures.</summary>
    Any = 34,
    /// <summary>BIGNUM: an integer of arbitrary size.</summary>
    BigNum = 35,
    /// <summary>SQLNULL: the type of an untyped NULL literal.</summary>
    SqlNull = 36,
    /// <summary>STRING_LITERAL: the type of a string literal before it is cast.</summary>
    StringLiteral = 37,
    /// <summary>INTEGER_LITERAL: the type of an integer literal before it is cast.</summary>
    IntegerLiteral = 38,
    /// <summary>TIME_NS: a time of day without a zone, in nanoseconds.</summary>
    TimeNs = 39,
}
#pragma warning restore CA1720
