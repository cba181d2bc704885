using System.Globalization;
using ComplianceAnalytics.Yaml;
using NodaTime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>Limits and targets, each one value or a list of dated versions oldest first.</summary>
internal sealed partial class PolicyYamlReader
{
    private static readonly string[] LimitVersionKeys = ["from", "limit"];
    private static readonly string[] TargetVersionKeys = ["from", "target"];

    /// <summary>
    /// A stage's attainment target, written as a percentage (<c>target: 95%</c>), or a list of dated versions
    /// <c>{from?, target}</c> validated as a limit's are; none when absent.
    /// </summary>
    private TargetSchedule? Target(YamlMappingNode map, string prefix)
    {
        var field = prefix + ".target";
        if (map.TryGet("target", out var node) && node is YamlSequenceNode sequence)
        {
            return DatedTargets(sequence, field);
        }

        var text = OptionalText(map, "target", field);
        return text is null ? null : Percentage(text, field, map.ValueMark("target"));
    }

    private decimal? Percentage(string text, string field, Mark? mark)
    {
        var number = text.EndsWith('%') ? text[..^1].Trim() : null;
        if (number is null || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent <= 0 || percent > 100)
        {
            Error(field, $"'{text}' is not a percentage above 0% and at most 100%, e.g. 95%", mark);
            return null;
        }

        return percent / 100m;
    }

    private TargetSchedule? DatedTargets(YamlSequenceNode sequence, string field)
    {
        if (sequence.Children.Count == 0)
        {
            Error(field, "is empty; write one target, or a list of versions {from, target}", sequence.Start);
            return null;
        }

        var versions = new List<DatedTarget>();
        var ok = true;
        LocalDate? previous = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemField = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Error(itemField, "is not a version {from, target}", sequence.Children[i].Start);
                ok = false;
                continue;
            }

            CheckKeys(item, itemField + ".", TargetVersionKeys);
            var fromOk = TryVersionFrom(item, itemField, i, ref previous, out var from);
            var text = RequiredText(item, "target", itemField + ".target");
            var target = text is null ? null : Percentage(text, itemField + ".target", item.ValueMark("target"));
            if (fromOk && target is { } value)
            {
                versions.Add(new DatedTarget(from, value));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? TargetSchedule.Create(versions) : null;
    }

    /// <summary>
    /// A limit (contract §3): <c>&lt;N&gt; &lt;unit&gt;</c>, or a list of dated versions
    /// <c>{from?, limit}</c> oldest first, where only the first may omit <c>from</c> and the dates
    /// ascend strictly.
    /// </summary>
    private LimitSchedule? Limit(YamlMappingNode map, string key, string prefix, bool versions = true)
    {
        var field = $"{prefix}.{key}";
        if (versions && map.TryGet(key, out var node) && node is YamlSequenceNode sequence)
        {
            return DatedLimits(sequence, field);
        }

        var text = RequiredText(map, key, field);
        if (text is null)
        {
            return null;
        }

        if (!TimeLimit.TryParse(text, out var limit, out var why))
        {
            Error(field, $"'{text}' is not a time limit '<N> <unit>' ({why})", map.ValueMark(key));
            return null;
        }

        return limit;
    }

    private LimitSchedule? DatedLimits(YamlSequenceNode sequence, string field)
    {
        if (sequence.Children.Count == 0)
        {
            Error(field, "is empty; write one limit, or a list of versions {from, limit}", sequence.Start);
            return null;
        }

        var versions = new List<DatedLimit>();
        var ok = true;
        LocalDate? previous = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemField = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Error(itemField, "is not a version {from, limit}", sequence.Children[i].Start);
                ok = false;
                continue;
            }

            CheckKeys(item, itemField + ".", LimitVersionKeys);
            var fromOk = TryVersionFrom(item, itemField, i, ref previous, out var from);
            var limit = Limit(item, "limit", itemField, versions: false);
            if (fromOk && limit is not null)
            {
                versions.Add(new DatedLimit(from, limit.Versions[0].Limit));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? LimitSchedule.Create(versions) : null;
    }

    /// <summary>
    /// The <c>from</c> of version <paramref name="index"/>: optional on the first only (null: from the
    /// beginning), a local date, after the <c>from</c> of the version before (tracked in <paramref name="previous"/>).
    /// </summary>
    private bool TryVersionFrom(YamlMappingNode item, string itemField, int index, ref LocalDate? previous, out LocalDate? from)
    {
        from = null;
        var field = itemField + ".from";
        if (!item.TryGet("from", out var node) || YamlMaps.IsNull(node))
        {
            if (index == 0)
            {
                return true;
            }

            Error(field, "missing; only the first version may omit from (it is in force from the beginning)", item.Start);
            return false;
        }

        var text = Text(node, field);
        if (text is null)
        {
            return false;
        }

        if (!LimitSchedule.TryParseDate(text, out var date))
        {
            Error(field, $"'{text}' is not a date YYYY-MM-DD", node.Start);
            return false;
        }

        var before = previous;
        previous = date;
        if (before is { } earlier && date <= earlier)
        {
            var relation = date == earlier ? "repeats the from of" : "is before the from of";
            Error(field, $"{LimitSchedule.FormatDate(date)} {relation} the version before ({LimitSchedule.FormatDate(earlier)}); versions are listed oldest first, each from a later date", node.Start);
            return false;
        }

        from = date;
        return true;
    }

}
