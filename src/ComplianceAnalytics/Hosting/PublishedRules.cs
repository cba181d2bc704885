using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// The rules a published month's figures can depend on, file by file (<c>halo.yaml</c>, <c>calendars/scotland.csv</c>)
/// and key by key, so that a policy change republishes only the months it affects and the run log says which
/// rule changed. A dated limit version from day D can change only the months whose last day is on or after D:
/// every clock counted in an earlier month started before D and keeps the version it started under. A dated
/// target version from D changes only the months whose first day is on or after D, as a month is judged by
/// the target of its first day. Every undated key (a limit
/// without versions, events, working days, time zone, names) and every calendar affects every month.
/// </summary>
public sealed class PublishedRules
{
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _files;

    private PublishedRules(SortedDictionary<string, SortedDictionary<string, string>> files) => _files = files;

    /// <summary>The rules of <paramref name="policies"/> that the figures of <paramref name="month"/> can depend on.</summary>
    public static PublishedRules ForMonth(PolicySet policies, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var lastDay = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var files = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var policy in policies.All)
        {
            files[Path.GetFileName(policy.SourcePath)] = PolicyKeys.Flatten(policy, lastDay);
            if (policy.Holidays is { } calendar)
            {
                // The holidays as read: a calendar edit moves business-day due dates of any month.
                var dates = string.Join(",", policy.Calendar.Holidays.Order().Select(LimitSchedule.FormatDate));
                files["calendars/" + calendar + ".csv"] = new(StringComparer.Ordinal)
                {
                    ["holidays"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dates))),
                };
            }
        }

        return new PublishedRules(files);
    }

    /// <summary>
    /// The rules a half-year's complaints return can depend on (contract §7): each policy's keys other than its
    /// stages, ADR trigger and customer windows (the return counts no clock of them; it uses the time zone, the
    /// working days and the holidays for "within 3 business days", the name and the currency), and the calendars.
    /// </summary>
    public static PublishedRules ForReturn(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var all = ForMonth(policies, new YearMonth(9999, 12));
        var files = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (file, keys) in all._files)
        {
            files[file] = new(
                keys.Where(k => !k.Key.StartsWith("stages.", StringComparison.Ordinal) && !k.Key.StartsWith("adr.", StringComparison.Ordinal)
                    && !k.Key.StartsWith("customer_windows.", StringComparison.Ordinal)).ToDictionary(),
                StringComparer.Ordinal);
        }

        return new PublishedRules(files);
    }

    /// <summary>The rules as stored beside a published month (published_packs.policy_rules).</summary>
    public string ToJson() => JsonSerializer.Serialize(_files);

    /// <summary>The rules stored beside a month; none when the month was published before they were stored.</summary>
    public static PublishedRules? FromJson(string? json) =>
        json is null ? null : new PublishedRules(
            new(JsonSerializer.Deserialize<Dictionary<string, SortedDictionary<string, string>>>(json) ?? [], StringComparer.Ordinal));

    /// <summary>The SHA-256 of the rules, for the month's fingerprint.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>
    /// What changed from <paramref name="before"/> to these rules, one entry per file:
    /// <c>halo.yaml changed: adr.eligible_after</c>, <c>crediflex.yaml added</c>; empty when nothing did.
    /// </summary>
    public IReadOnlyList<string> ChangesSince(PublishedRules before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        foreach (var file in before._files.Keys.Union(_files.Keys).Order(StringComparer.Ordinal))
        {
            var inBefore = before._files.TryGetValue(file, out var old);
            var inNow = _files.TryGetValue(file, out var now);
            if (!inBefore)
            {
                changes.Add(file + " added");
            }
            else if (!inNow)
            {
                changes.Add(file + " removed");
            }
            else if (PolicyKeys.Changed(old!, now!) is { Count: > 0 } keys)
            {
                changes.Add($"{file} changed: {string.Join(", ", keys)}");
            }
        }

        return changes;
    }
}
