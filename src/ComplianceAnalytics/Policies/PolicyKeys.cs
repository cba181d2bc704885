using System.Globalization;
using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// A policy as key/value pairs, keyed as a policy author reads it (<c>adr.eligible_after</c>,
/// <c>stages.escalation.limit</c>, <c>customer_windows.escalation_window.to</c>), so that two versions of a
/// file can be compared key by key and an auditor told which rule changed.
/// </summary>
public static class PolicyKeys
{
    /// <summary>Every key of <paramref name="policy"/> with its value as the system reads it, in ordinal order of key.</summary>
    /// <param name="policy">The policy to flatten.</param>
    /// <param name="upTo">
    /// When given, a dated limit keeps only its versions in force on some day up to this local date (its <c>from</c>
    /// on or before it), and a dated target only those in force by the first day of that date's month: what the
    /// figures of a month ending on that day can depend on, since every clock they count started by then and a
    /// month is judged by the target of its first day.
    /// </param>
    public static SortedDictionary<string, string> Flatten(Policy policy, LocalDate? upTo = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org"] = policy.Org,
            ["name"] = policy.Name,
            ["time_zone"] = policy.TimeZone.Id,
            ["working_days"] = string.Join(", ", policy.WorkingDays.Select(PolicyYamlReader.DayName)),
            ["holidays"] = policy.Holidays ?? string.Empty,
        };
        for (var i = 0; i < policy.Stages.Count; i++)
        {
            var stage = policy.Stages[i];
            var prefix = "stages." + stage.Id;
            keys[prefix + ".position"] = (i + 1).ToString(CultureInfo.InvariantCulture);
            keys[prefix + ".start"] = string.Join(", ", stage.Start);
            keys[prefix + ".stop"] = string.Join(", ", stage.Stop);
            keys[prefix + ".limit"] = Limit(stage.Limit, upTo);
            keys[prefix + ".pause_on"] = string.Join(", ", stage.PauseOn);
            keys[prefix + ".resume_on"] = string.Join(", ", stage.ResumeOn);
            keys[prefix + ".extendable"] = stage.Extendable ? "true" : "false";
            // Keys added after the first versions were recorded appear only when set, so a file that
            // does not use them is not reported as changed.
            if (stage.Name is { } stageName)
            {
                keys[prefix + ".name"] = stageName;
            }

            if (stage.Target is { } target)
            {
                keys[prefix + ".target"] = upTo is { } day ? Joined(target.Versions.Where(v => v.From is null || v.From <= day.With(DateAdjusters.StartOfMonth))) : target.ToString();
            }
        }

        if (policy.Currency is { } currency)
        {
            keys["currency"] = currency;
        }

        if (policy.Adr is { } adr)
        {
            keys["adr.eligible_after"] = Limit(adr.EligibleAfter, upTo);
        }

        foreach (var window in policy.CustomerWindows)
        {
            var prefix = "customer_windows." + window.Id;
            keys[prefix + ".from"] = string.Join(", ", window.From);
            keys[prefix + ".to"] = string.Join(", ", window.To);
            keys[prefix + ".limit"] = Limit(window.Limit, upTo);
        }

        return keys;
    }

    private static string Limit(LimitSchedule limit, LocalDate? upTo) =>
        upTo is { } day ? Joined(limit.Versions.Where(v => v.From is null || v.From <= day)) : limit.ToString();

    /// <summary>The versions in force by a day; a rule whose first version comes later is not in force at all.</summary>
    private static string Joined<T>(IEnumerable<T> versions)
    {
        var text = string.Join("; ", versions);
        return text.Length == 0 ? "(not yet in force)" : text;
    }

    /// <summary>
    /// The keys whose values differ between two versions, added and removed ones included, in ordinal order; a
    /// stage or window added or removed is named once by its prefix (<c>stages.review</c>).
    /// </summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var inBefore = before.TryGetValue(key, out var old);
            var inAfter = after.TryGetValue(key, out var now);
            if (inBefore && inAfter && string.Equals(old, now, StringComparison.Ordinal))
            {
                continue;
            }

            // A whole stage or window that came or went: its id, not each of its fields.
            var parts = key.Split('.');
            var group = parts.Length == 3 ? parts[0] + "." + parts[1] : null;
            var groupCameOrWent = group is not null
                && before.Keys.Any(k => k.StartsWith(group + ".", StringComparison.Ordinal))
                   != after.Keys.Any(k => k.StartsWith(group + ".", StringComparison.Ordinal));
            changed.Add(groupCameOrWent ? group! : key);
        }

        return [.. changed];
    }
}
