namespace ComplianceAnalytics.SampleData;

/// <summary>
/// Each organisation's own products, root causes and legal entities (contract §1: the firm's
/// taxonomy), and how often it identifies a customer as vulnerable. A product belongs to one
/// legal entity, so an org with several entities splits its complaints by product.
/// </summary>
internal sealed record SampleTaxonomy(
    (string Product, string LegalEntity)[] Products,
    string[] RootCauses,
    double VulnerableRate)
{
    private static readonly Dictionary<string, SampleTaxonomy> ByOrg = new(StringComparer.Ordinal)
    {
        ["bluehat"] = new(
            [("managed_soc", "BlueHat Cyber Ltd"), ("penetration_testing", "BlueHat Cyber Ltd"), ("incident_response", "BlueHat Cyber Ltd")],
            ["communication", "delay", "quality_of_work", "billing_error"],
            0.02),
        ["jpdit"] = new(
            [("managed_it", "JPDIT Services Ltd"), ("cloud_hosting", "JPDIT Services Ltd"), ("cyber_security", "JPDIT Services Ltd"), ("broadband", "JPDIT Services Ltd")],
            ["communication", "delay", "system_fault", "billing_error", "staff_error"],
            0.04),
        ["netservers"] = new(
            [("broadband", "Netservers Ltd"), ("web_hosting", "Netservers Ltd"), ("domains", "Netservers Ltd")],
            ["network_fault", "billing_error", "delay", "communication"],
            0.06),
        ["halo"] = new(
            [("broadband", "Halo Connect Ltd"), ("phone_line", "Halo Connect Ltd"), ("mobile", "Halo Connect Ltd")],
            ["network_fault", "engineer_visit", "billing_error", "communication", "contract_terms"],
            0.08),
        ["hexpress"] = new(
            [("online_pharmacy", "Hexpress Healthcare Ltd"), ("prescriptions", "Hexpress Healthcare Ltd"), ("consultations", "Hexpress Healthcare Ltd")],
            ["dispensing_error", "delivery_failure", "clinical_decision", "communication"],
            0.10),
        ["crediflex"] = new(
            [("personal_loan", "Crediflex Lending Ltd"), ("personal_loan", "Crediflex Lending Ltd"), ("car_finance", "Crediflex Lending Ltd"),
             ("credit_card", "Crediflex Cards Ltd"), ("credit_card", "Crediflex Cards Ltd")],
            ["affordability_assessment", "arrears_handling", "fees_and_charges", "administration_error", "communication", "fraud_and_scams"],
            0.12),
    };

    public static SampleTaxonomy Of(string org) => ByOrg[org];

    /// <summary>Draws a case's attributes from <paramref name="random"/>: a generator of its own, so the journeys drawn do not depend on them.</summary>
    public CaseAttributes Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (product, entity) = Products[random.Next(Products.Length)];
        var cause = RootCauses[random.Next(RootCauses.Length)];
        var vulnerable = random.NextDouble() < VulnerableRate;
        return new CaseAttributes(product, cause, entity, vulnerable, vulnerable && random.NextDouble() < 0.3);
    }
}
