using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §5 ADR letters.</summary>
public class AdrLetterCheckTests
{
    private static readonly Policy WithAdr = Policy([], adr: new AdrRule(TimeLimit.Parse("8 weeks")));

    // 8 weeks from Mon 5 Jan: the end of Mon 2 Mar (GMT).
    private const string Due = "2026-03-02T23:59:59.999999Z";

    private static AdrLetterStatus Check(params CaseEvent[] events) =>
        AdrLetterCheck.Evaluate(WithAdr, events) ?? throw new InvalidOperationException("no status");

    [Fact]
    public void Eligibility_is_a_day_based_limit_from_the_first_complaint_received()
    {
        var status = Check(E(EventTypes.ComplaintReceived, "2026-01-12T10:00:00Z"), E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z"));

        Assert.Equal(At(Due), status.DueAt);
    }

    [Fact]
    public void A_case_without_response_closure_or_deadlock_by_the_due_time_needs_a_letter_that_is_missing()
    {
        var status = Check(
            E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-03T00:00:00Z"),
            E(EventTypes.DeadlockLetterIssued, "2026-03-03T00:00:00Z"));

        Assert.True(status.NeedsLetter);
        Assert.True(status.LetterMissing);
    }

    [Fact]
    public void A_deadlock_letter_at_or_before_the_due_time_is_not_missing()
    {
        var status = Check(E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z"), E(EventTypes.DeadlockLetterIssued, Due));

        Assert.True(status.NeedsLetter);
        Assert.False(status.LetterMissing);
    }

    [Theory]
    [InlineData(EventTypes.ResponseIssued)]
    [InlineData(EventTypes.Closed)]
    public void A_response_or_closure_by_the_due_time_means_no_letter_is_needed(string eventType)
    {
        var status = Check(E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z"), E(eventType, Due));

        Assert.False(status.NeedsLetter);
        Assert.False(status.LetterMissing);
    }

    [Fact]
    public void There_is_no_status_without_an_adr_rule_or_a_complaint_received()
    {
        Assert.Null(AdrLetterCheck.Evaluate(Policy([]), [E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z")]));
        Assert.Null(AdrLetterCheck.Evaluate(WithAdr, [E(EventTypes.Acknowledged, "2026-01-05T10:00:00Z")]));
    }
}
