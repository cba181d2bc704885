using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// Writes <c>compliance policies --json</c> (contract §6): the policies as the system reads
/// them, with the field names of §3, in ordinal order of org so that the output is diffable.
/// </summary>
public static class PolicyJson
{
    /// <summary>The JSON array of <paramref name="policies"/>, indented, without a trailing newline.</summary>
    public static string Serialize(IEnumerable<Policy> policies)
    {
        using var stream = new MemoryStream();
        Write(stream, policies);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the JSON array of <paramref name="policies"/> as UTF-8 to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);

        // Relaxed escaping keeps names such as "Hexpress Healthcare" or Swedish text readable;
        // the output goes to a terminal or a file, never into HTML.
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartArray();
        foreach (var policy in policies.OrderBy(p => p.Org, StringComparer.Ordinal))
        {
            WritePolicy(json, policy);
        }

        json.WriteEndArray();
    }

    private static void WritePolicy(Utf8JsonWriter json, Policy policy)
    {
        json.WriteStartObject();
        json.WriteString("org", policy.Org);
        json.WriteString("name", policy.Name);
        json.WriteString("time_zone", policy.TimeZone.Id);
        json.WriteStartArray("working_days");
        foreach (var day in policy.WorkingDays)
        {
            json.WriteStringValue(PolicyYamlReader.DayName(day));
        }

        json.WriteEndArray();
        if (policy.Holidays is null)
        {
            json.WriteNull("holidays");
        }
        else
        {
            json.WriteString("holidays", policy.Holidays);
        }

        json.WriteStartArray("stages");
        foreach (var stage in policy.Stages)
        {
            json.WriteStartObject();
            json.WriteString("id", stage.Id);
            WriteList(json, "start", stage.Start);
            WriteList(json, "stop", stage.Stop);
            WriteLimit(json, "limit", stage.Limit);
            WriteList(json, "pause_on", stage.PauseOn);
            WriteList(json, "resume_on", stage.ResumeOn);
            json.WriteBoolean("extendable", stage.Extendable);
            if (stage.Target is { } target)
            {
                WriteTarget(json, target);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (policy.Adr is null)
        {
            json.WriteNull("adr");
        }
        else
        {
            json.WriteStartObject("adr");
            WriteLimit(json, "eligible_after", policy.Adr.EligibleAfter);
            json.WriteEndObject();
        }

        json.WriteStartArray("customer_windows");
        foreach (var window in policy.CustomerWindows)
        {
            json.WriteStartObject();
            json.WriteString("id", window.Id);
            WriteList(json, "from", window.From);
            WriteList(json, "to", window.To);
            WriteLimit(json, "limit", window.Limit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A single limit as its text; a limit with dated versions as an array of <c>{"from", "limit"}</c>, oldest
    /// first, with a null <c>from</c> for a version in force from the beginning (contract §6).
    /// </summary>
    private static void WriteLimit(Utf8JsonWriter json, string name, LimitSchedule limit)
    {
        if (!limit.IsDated)
        {
            json.WriteString(name, limit.Versions[0].Limit.ToString());
            return;
        }

        json.WriteStartArray(name);
        foreach (var version in limit.Versions)
        {
            json.WriteStartObject();
            if (version.From is { } from)
            {
                json.WriteString("from", LimitSchedule.FormatDate(from));
            }
            else
            {
                json.WriteNull("from");
            }

            json.WriteString("limit", version.Limit.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A stage's target as written in the policy (<c>"95%"</c>), or its dated versions as <c>{"from", "target"}</c>, as a limit's are.</summary>
    private static void WriteTarget(Utf8JsonWriter json, TargetSchedule target)
    {
        static string Percent(decimal value) => (value * 100m).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%";
        if (!target.IsDated)
        {
            json.WriteString("target", Percent(target.Versions[0].Target));
            return;
        }

        json.WriteStartArray("target");
        foreach (var version in target.Versions)
        {
            json.WriteStartObject();
            if (version.From is { } from)
            {
                json.WriteString("from", LimitSchedule.FormatDate(from));
            }
            else
            {
                json.WriteNull("from");
            }

            json.WriteString("target", Percent(version.Target));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
