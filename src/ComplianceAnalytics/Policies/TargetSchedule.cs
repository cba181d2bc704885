using System.Globalization;
using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>One version of a stage's attainment target: in force from a local date, or from the beginning when <see cref="From"/> is null.</summary>
public readonly record struct DatedTarget(LocalDate? From, decimal Target)
{
    /// <summary><c>95.0 %</c>, or <c>90.0 % from 2026-04-08</c>.</summary>
    public override string ToString()
    {
        var text = TargetSchedule.Format(Target);
        return From is { } from ? $"{text} from {LimitSchedule.FormatDate(from)}" : text;
    }
}

/// <summary>
/// A stage's attainment target with its dated versions, oldest first (<c>target: 95%</c> is one version in force
/// from the beginning). A target judges a month, not a clock: the month's figures are judged against the version
/// in force on the month's first local day (stage_target() in queries/_judge.sql); docs/policies.md says why.
/// </summary>
public sealed class TargetSchedule : IEquatable<TargetSchedule>
{
    private TargetSchedule(DatedTarget[] versions) => Versions = versions;

    /// <summary>The versions in strictly ascending order of <see cref="DatedTarget.From"/>; only the first may lack one.</summary>
    public IReadOnlyList<DatedTarget> Versions { get; }

    /// <summary>Whether any version has a date.</summary>
    public bool IsDated => Versions.Any(v => v.From is not null);

    /// <summary>A target in force from the beginning.</summary>
    public static implicit operator TargetSchedule(decimal target) => new([new DatedTarget(null, target)]);

    /// <summary>The schedule of <paramref name="versions"/>, oldest first; the policy reader names a bad key itself.</summary>
    public static TargetSchedule Create(IEnumerable<DatedTarget> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A target needs at least one version.", nameof(versions));
        }

        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].From is not { } from || (list[i - 1].From is { } before && before >= from))
            {
                throw new ArgumentException($"Version {i.ToString(CultureInfo.InvariantCulture)} is not dated after the one before it.", nameof(versions));
            }
        }

        return new TargetSchedule(list);
    }

    /// <summary><c>95.0%</c>, or every version: <c>95.0 %; 90.0 % from 2026-04-08</c>.</summary>
    public override string ToString() => string.Join("; ", Versions);

    /// <summary>A target as the policy history has always keyed it (invariant percent, e.g. <c>95.0 %</c>).</summary>
    internal static string Format(decimal target) => target.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>Equal when both have the same versions (target and from date) in the same order.</summary>
    public bool Equals(TargetSchedule? other) => other is not null && Versions.SequenceEqual(other.Versions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TargetSchedule);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var version in Versions)
        {
            hash.Add(version);
        }

        return hash.ToHashCode();
    }
}
