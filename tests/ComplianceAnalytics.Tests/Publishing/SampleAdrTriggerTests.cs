namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// Issue 14's first real case on the sample data: Ofcom cut Netservers' and Halo's ADR trigger from 8 weeks
/// to 6 for complaints received from 8 April 2026 (their policies' dated adr.eligible_after). Every case of
/// theirs must carry the trigger of the local date it was received, and its eligibility end there.
/// </summary>
public sealed class SampleAdrTriggerTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    [Fact]
    public void Every_Netservers_and_Halo_case_uses_the_trigger_of_the_day_it_was_received()
    {
        // The evaluation of the sample at the end of June 2026, as the report left it.
        using var reader = sample.Workspace.Store.Connection.Query("""
            WITH received AS (
                SELECT org, case_ref, min(occurred_at) AS received_at
                FROM events WHERE event_type = 'complaint_received' AND org IN ('netservers', 'halo')
                GROUP BY org, case_ref
            )
            SELECT r.org, r.case_ref, CAST(timezone('Europe/London', r.received_at) AS DATE) AS received_on,
                   a.eligible_after, CAST(timezone('Europe/London', a.due_at) AS DATE) AS eligible_on
            FROM received r JOIN eval_adr_letters a USING (org, case_ref)
            ORDER BY received_on
            """);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var receivedOn = reader.GetDate(2);
            var expected = receivedOn >= new DateOnly(2026, 4, 8) ? "6 weeks" : "8 weeks";
            var where = $"{reader.GetString(0)} {reader.GetString(1)} received {receivedOn:yyyy-MM-dd}";
            Assert.True(expected == reader.GetString(3), $"{where}: {reader.GetString(3)}, expected {expected}");
            Assert.Equal(receivedOn.AddDays(expected == "6 weeks" ? 42 : 56), reader.GetDate(4));
            var key = reader.GetString(0) + " " + expected;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        // Both firms have cases under each trigger in the sample, so the check above is not vacuous.
        Assert.Equal(["halo 6 weeks", "halo 8 weeks", "netservers 6 weeks", "netservers 8 weeks"], counts.Keys.Order(StringComparer.Ordinal));
    }
}
