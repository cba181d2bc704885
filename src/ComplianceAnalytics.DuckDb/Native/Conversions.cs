namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>Conversions between .NET values and DuckDB's physical representations.</summary>
internal static class Conversions
{
    /// <summary>DuckDB counts DATE days from 1970-01-01.</summary>
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);

    /// <summary>Whole microseconds since the epoch, rounding towards the past.</summary>
    public static long ToMicros(long utcTicks) => FloorDivide(utcTicks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMicrosecond);

    public static long FloorDivide(long dividend, long divisor)
    {
        var (quotient, remainder) = Math.DivRem(dividend, divisor);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public static DateTime ToDateTime(long micros) =>
        new(DateTime.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>duckdb_decimal with width 38 holds any System.Decimal exactly (96-bit mantissa, scale ≤ 28).</summary>
    public static DuckDbDecimalStruct ToDuckDbDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return new DuckDbDecimalStruct
        {
            Width = 38,
            Scale = (byte)((bits[3] >> 16) & 0xFF),
            Lower = (ulong)mantissa,
            Upper = (long)(mantissa >> 64),
        };
    }

    private static Int128 Pow10(int exponent)
    {
        var result = Int128.One;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static readonly Int128 MaxMantissa = (Int128.One << 96) - 1;

    /// <summary>An unscaled DECIMAL value to System.Decimal; exact whenever System.Decimal can hold it.</summary>
    public static decimal ToDecimal(Int128 unscaled, int scale)
    {
        // System.Decimal keeps at most 28 fractional digits in a 96-bit mantissa: drop the excess
        // fractional digits, rounding once (half away from zero) so that no double rounding happens.
        var drop = Math.Max(0, scale - 28);
        while (drop < scale && Int128.Abs(unscaled) / Pow10(drop) > MaxMantissa)
        {
            drop++;
        }

        if (drop > 0)
        {
            var divisor = Pow10(drop);
            var (quotient, remainder) = Int128.DivRem(unscaled, divisor);
            var absRemainder = Int128.Abs(remainder);
            unscaled = absRemainder >= divisor - absRemainder ? quotient + Int128.Sign(remainder) : quotient;
            scale -= drop;
        }

        var negative = unscaled < 0;
        var magnitude = negative ? -unscaled : unscaled;
        if (magnitude > MaxMantissa)
        {
            throw new OverflowException($"DECIMAL value {unscaled} does not fit System.Decimal.");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }
}
