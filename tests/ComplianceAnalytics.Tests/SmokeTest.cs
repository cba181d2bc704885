namespace ComplianceAnalytics.Tests;

public class SmokeTest
{
    [Fact]
    public void Builds() => Assert.Equal(2, 1 + 1);
}
