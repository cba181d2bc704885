using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// One version of a limit (contract §3 "Rules that change"): in force from a local date in the policy's
/// time zone, or from the beginning when <see cref="From"/> is null.
/// </summary>
public readonly record struct DatedLimit(LocalDate? From, TimeLimit Limit)
{
    /// <summary><c>6 weeks from 2026-04-08</c>, or the limit alone for a version in force from the beginning.</summary>
    public override string ToString() =>
        From is { } from ? $"{Limit} from {LimitSchedule.FormatDate(from)}" : Limit.ToString();
}

/// <summary>
/// A limit with its dated versions, oldest first. A plain limit is a schedule of one version in force
/// from the beginning. The version that applies to a clock is chosen once, by the local date of the
/// clock's start (<see cref="For(LocalDate)"/>); when none is in force yet there is no rule.
/// </summary>
public sealed class LimitSchedule : IEquatable<LimitSchedule>
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    private LimitSchedule(DatedLimit[] versions) => Versions = versions;

    /// <summary>The versions in strictly ascending order of <see cref="DatedLimit.From"/>; only the first may lack one.</summary>
    public IReadOnlyList<DatedLimit> Versions { get; }

    /// <summary>Whether any version has a date: written as a list of versions rather than one limit.</summary>
    public bool IsDated => Versions.Any(v => v.From is not null);

    /// <summary>A limit in force from the beginning.</summary>
    public static LimitSchedule FromTimeLimit(TimeLimit limit) => new([new DatedLimit(null, limit)]);

    /// <summary>A plain limit is a schedule of one undated version.</summary>
    public static implicit operator LimitSchedule(TimeLimit limit) => FromTimeLimit(limit);

    /// <summary>
    /// The schedule of <paramref name="versions"/>, oldest first. The policy reader names the offending key
    /// itself; this only guards the invariant for code that builds schedules directly.
    /// </summary>
    public static LimitSchedule Create(IEnumerable<DatedLimit> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A limit needs at least one version.", nameof(versions));
        }

        for (var i = 1; i < list.Length; i++)
        {
            if (list[i].From is not { } from)
            {
                throw new ArgumentException($"Version {i.ToString(CultureInfo.InvariantCulture)} has no from date; only the first may omit it.", nameof(versions));
            }

            if (list[i - 1].From is { } before && before >= from)
            {
                throw new ArgumentException($"Version {i.ToString(CultureInfo.InvariantCulture)} is not after the one before it.", nameof(versions));
            }
        }

        return new LimitSchedule(list);
    }

    /// <summary>
    /// The version for a clock that starts on the local date <paramref name="start"/>: the last one whose
    /// <c>from</c> is on or before it; null (no rule) when the clock starts before the first version.
    /// </summary>
    public TimeLimit? For(LocalDate start)
    {
        TimeLimit? found = null;
        foreach (var version in Versions)
        {
            if (version.From is { } from && from > start)
            {
                break;
            }

            found = version.Limit;
        }

        return found;
    }

    /// <summary>The version for a clock that starts at <paramref name="start"/>, by its local date in <paramref name="zone"/>.</summary>
    public TimeLimit? For(Instant start, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return For(start.InZone(zone).Date);
    }

    /// <summary><c>8 weeks</c>, or every version: <c>8 weeks; 6 weeks from 2026-04-08</c>.</summary>
    public override string ToString() => string.Join("; ", Versions);

    /// <summary>Equal when both have the same versions (limit and from date) in the same order.</summary>
    public bool Equals(LimitSchedule? other) => other is not null && Versions.SequenceEqual(other.Versions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LimitSchedule);

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

    internal static string FormatDate(LocalDate date) => DatePattern.Format(date);

    /// <summary>Parses a <c>from</c> date, <c>YYYY-MM-DD</c>.</summary>
    internal static bool TryParseDate(string text, out LocalDate date)
    {
        var result = DatePattern.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }
}
