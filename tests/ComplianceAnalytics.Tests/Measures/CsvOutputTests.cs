using ComplianceAnalytics.Measures;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>Contract §6 number formatting: culture-invariant, round-trip, positional notation.</summary>
public class CsvOutputTests
{
    [Theory]
    [InlineData(0.000001, "0.000001")] // a pause of one microsecond, in seconds
    [InlineData(1.1574074074074073E-05, "0.000011574074074074073")] // one second, in days
    [InlineData(-2.5E-07, "-0.00000025")]
    [InlineData(1E+20, "100000000000000000000")]
    [InlineData(0.8333333333333334, "0.8333333333333334")]
    [InlineData(514800d, "514800")]
    [InlineData(18216000.000001, "18216000.000001")]
    [InlineData(0d, "0")]
    public void Doubles_are_written_in_positional_notation_with_their_round_trip_digits(double value, string expected) =>
        Assert.Equal(expected, CsvOutput.Format(value));

    [Theory]
    [InlineData(1E+300, "1E+300")]
    [InlineData(1.2345678901234567E-20, "1.2345678901234567E-20")]
    public void A_value_decimal_cannot_hold_exactly_keeps_its_exponent(double value, string expected) =>
        Assert.Equal(expected, CsvOutput.Format(value));
}
