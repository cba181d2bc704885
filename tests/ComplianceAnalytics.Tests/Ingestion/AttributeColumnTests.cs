using ComplianceAnalytics.Ingestion;

namespace ComplianceAnalytics.Tests.Ingestion;

/// <summary>The columns product, root_cause, vulnerable and legal_entity, and the reason code bad_value (contract §1).</summary>
public sealed class AttributeColumnTests : IDisposable
{
    private const string Header = "org,case_ref,event_type,occurred_at,product,root_cause,vulnerable,legal_entity,redress_amount";
    private readonly IngestFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void The_attributes_are_stored_and_vulnerable_is_read_in_any_letter_case()
    {
        var r = _f.Ingest(
            "attrs.csv",
            Header + "\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,loan,,TRUE,Crediflex Ltd,\n"
            + "bluehat,C2,complaint_received,2026-03-02T09:15:00Z,card,affordability,False,,-12.50\n"
            + "bluehat,C3,complaint_received,2026-03-02T09:15:00Z,,,,,0\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 3, 3, 0, 0);
        Assert.Equal(
            ["C1|loan||true|Crediflex Ltd|", "C2|card|affordability|false||-12.50", "C3|||||0.00"],
            _f.Strings("""
                SELECT concat_ws('|', case_ref, coalesce(product, ''), coalesce(root_cause, ''), coalesce(CAST(vulnerable AS VARCHAR), ''),
                                 coalesce(legal_entity, ''), coalesce(CAST(redress_amount AS VARCHAR), ''))
                FROM events ORDER BY case_ref
                """));
    }

    [Theory]
    [InlineData("yes", "", "vulnerable")]
    [InlineData("1", "", "vulnerable")]
    [InlineData("", "1,000.00", "redress_amount")]
    [InlineData("", "12,50", "redress_amount")]
    [InlineData("", "1e3", "redress_amount")]
    [InlineData("", "£12.50", "redress_amount")]
    [InlineData("", "12.", "redress_amount")]
    [InlineData("", ".5", "redress_amount")]
    [InlineData("", "+5", "redress_amount")]
    public void A_vulnerable_that_is_not_true_or_false_or_a_redress_that_is_not_a_decimal_is_bad_value(string vulnerable, string redress, string field)
    {
        var r = _f.Ingest(
            "bad.csv",
            Header + "\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,,,,,\n"
            + $"bluehat,C2,closed,2026-03-02T09:15:00Z,,,{vulnerable},,\"{redress}\"\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadValue, 1));
        Assert.Equal(["3:bad_value"], _f.Rejects(r.FileId));
        Assert.Equal(field, _f.Text("SELECT field FROM rejected_rows"));
    }

    [Fact]
    public void A_bad_value_row_is_never_a_duplicate()
    {
        var r = _f.Ingest(
            "dup.csv",
            Header + "\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,,,,,\n"
            + "bluehat,C1,complaint_received,2026-03-02T09:15:00Z,,,maybe,,\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadValue, 1));
    }

    [Fact]
    public void In_json_lines_a_number_and_a_boolean_are_values()
    {
        var r = _f.Ingest(
            "attrs.jsonl",
            """{"org":"bluehat","case_ref":"C1","event_type":"closed","occurred_at":"2026-03-02T09:15:00Z","redress_amount":12.5,"vulnerable":true}""" + "\n"
            + """{"org":"bluehat","case_ref":"C2","event_type":"closed","occurred_at":"2026-03-02T09:15:00Z","redress_amount":"12,5"}""" + "\n");
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadValue, 1));
        Assert.Equal("12.50|true", _f.Text("SELECT CAST(redress_amount AS VARCHAR) || '|' || CAST(vulnerable AS VARCHAR) FROM events"));
    }

    [Fact]
    public void A_mapping_profile_maps_the_attribute_columns()
    {
        var profile = _f.Profile("""
            name: lender
            format: csv
            org: bluehat
            columns:
              case_ref: Ref
              event_type: Activity
              occurred_at: When
              product: Service
              root_cause: Cause
              vulnerable: VulnerableCustomer
              legal_entity: Company
            """);
        var r = _f.Ingestor.Ingest(
            _f.Write("lender.csv", "Ref,Activity,When,Service,Cause,VulnerableCustomer,Company\nL1,complaint_received,2026-03-02T09:15:00Z,loan,arrears,True,Lender Ltd\nL2,closed,2026-03-02T09:15:00Z,,,no,\n"),
            profile);
        ResultAssert.Counts(r, FileStatuses.Loaded, 2, 1, 0, 0, (RejectReasons.BadValue, 1));
        Assert.Equal("loan|arrears|true|Lender Ltd", _f.Text("SELECT concat_ws('|', product, root_cause, CAST(vulnerable AS VARCHAR), legal_entity) FROM events"));
        Assert.Equal("vulnerable", _f.Text("SELECT field FROM rejected_rows"));
    }
}
