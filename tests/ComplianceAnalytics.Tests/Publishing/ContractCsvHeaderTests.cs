namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>The monthly CSV files' headers are contract §6's, column for column and in order.</summary>
public sealed class ContractCsvHeaderTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    [Theory]
    [InlineData("attainment.csv", "org,stage,month,met,met_extended,breached,open_within,open_breached,attainment")]
    [InlineData("durations.csv", "org,measure,month,n,mean,median,p90,max")]
    [InlineData("adr_letters.csv", "org,month,cases_needing_letter,letters_missing")]
    [InlineData("customer_windows.csv", "org,window,month,requests,late_requests")]
    public void Each_monthly_csv_has_the_contract_header(string file, string header) =>
        Assert.Equal(header, File.ReadLines(Path.Combine(sample.OutDir, file)).First());
}
