using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Ingestion;

namespace ComplianceAnalytics.Tests.Store;

public sealed class RejectedRowsTests : IDisposable
{
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void The_first_rejected_rows_of_a_file_come_by_line_with_their_reason_and_field()
    {
        var r = _f.Csv(
            "rejects.csv",
            "bluehat,C1,complaint_received,2026-03-02T09:15:00Z",
            "bluehat,C2,complaint_received",
            "bluehat,C3,complaint_received,not a time",
            "bluehat,C4,complaint_received");

        var all = RejectedRows.First(_f.Store, r.FileId, 5);
        var first = RejectedRows.First(_f.Store, r.FileId, 1);

        Assert.Equal([3L, 4L, 5L], all.Select(row => row.Line));
        Assert.Equal(new RejectedRow(3, RejectReasons.MalformedRow, null), all[0]);
        Assert.Equal(RejectReasons.BadTimestamp, all[1].Reason);
        Assert.NotNull(all[1].Field);
        Assert.Equal([all[0]], first);
    }
}
