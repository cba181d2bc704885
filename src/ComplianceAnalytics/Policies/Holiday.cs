using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>One row of a holiday calendar file (contract §3): a local date and its name.</summary>
public sealed record Holiday(LocalDate Date, string Name);
