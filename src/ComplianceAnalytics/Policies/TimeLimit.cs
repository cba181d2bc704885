using System.Globalization;

namespace ComplianceAnalytics.Policies;

/// <summary>The unit of a time limit (contract §3).</summary>
public enum LimitUnit
{
    /// <summary>Elapsed hours from the start instant, on any day (no calendar applies).</summary>
    Hours,
    /// <summary>Calendar days: the limit ends at the last microsecond of the local date that many days after the start.</summary>
    Days,
    /// <summary>Working days of the organisation's calendar after the start's local date; the start date never counts.</summary>
    BusinessDays,
    /// <summary>Weeks of seven calendar days, ending at the last microsecond of a local date like days.</summary>
    Weeks,
}

/// <summary>A time limit such as <c>10 business_days</c>: a positive whole number of a unit.</summary>
public readonly record struct TimeLimit(int Amount, LimitUnit Unit)
{
    /// <summary>Every unit but hours ends on the last microsecond of a local date.</summary>
    public bool IsDayBased => Unit != LimitUnit.Hours;

    /// <summary>Parses <c>&lt;N&gt; &lt;unit&gt;</c>; singular unit names are accepted.</summary>
    public static bool TryParse(string? text, out TimeLimit limit, out string error)
    {
        limit = default;
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = $"'{text}' is not of the form '<N> <unit>'";
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            error = $"'{parts[0]}' is not a positive whole number";
            return false;
        }

        LimitUnit? unit = parts[1] switch
        {
            "hours" or "hour" => LimitUnit.Hours,
            "days" or "day" => LimitUnit.Days,
            "business_days" or "business_day" => LimitUnit.BusinessDays,
            "weeks" or "week" => LimitUnit.Weeks,
            _ => null,
        };
        if (unit is null)
        {
            error = $"'{parts[1]}' is not one of hours, days, business_days, weeks";
            return false;
        }

        limit = new TimeLimit(amount, unit.Value);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses as <see cref="TryParse"/> does, throwing a <see cref="FormatException"/> with the error instead (for tests and constants).</summary>
    internal static TimeLimit Parse(string text) =>
        TryParse(text, out var limit, out var error) ? limit : throw new FormatException(error);

    /// <summary>The canonical text, e.g. <c>2 business_days</c>.</summary>
    public override string ToString() => Unit switch
    {
        LimitUnit.Hours => $"{Amount.ToString(CultureInfo.InvariantCulture)} hours",
        LimitUnit.Days => $"{Amount.ToString(CultureInfo.InvariantCulture)} days",
        LimitUnit.BusinessDays => $"{Amount.ToString(CultureInfo.InvariantCulture)} business_days",
        _ => $"{Amount.ToString(CultureInfo.InvariantCulture)} weeks",
    };
}
