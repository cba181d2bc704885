using System.Globalization;
using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>
/// The connection an evaluation reads the cases' events on, beside the store's connection that appends the results.
/// Each query may run on another thread than the one that opened it.
/// </summary>
public sealed class EvaluationReading : IDisposable
{
    private readonly DuckDbConnection _connection;

    internal EvaluationReading(DuckDbConnection connection) => _connection = connection;

    /// <summary>
    /// The events, in case order, of every case (<paramref name="fileIds"/> null) or of the cases with events from
    /// <paramref name="fileIds"/> and every case of <paramref name="fullOrgs"/>.
    /// </summary>
    public OrderedCaseEvents ForRefresh(IReadOnlyCollection<long>? fileIds, IReadOnlyCollection<string> fullOrgs) =>
        new(fileIds is null
            ? _connection.Query(EvaluationStore.Sql("read_all"))
            : _connection.Query(EvaluationStore.Sql("read_refresh"), EvaluationStore.Ids(fileIds), string.Join(EvaluationStore.OrgSeparator, fullOrgs)));

    /// <summary>The events, in case order, of the cases not settled at their organisation's as-of (epoch microseconds).</summary>
    public OrderedCaseEvents Unsettled(IReadOnlyDictionary<string, long> asOfMicrosByOrg)
    {
        ArgumentNullException.ThrowIfNull(asOfMicrosByOrg);
        var pairs = string.Join(
            EvaluationStore.PairSeparator,
            asOfMicrosByOrg.Select(p => p.Key + EvaluationStore.OrgSeparator + p.Value.ToString(CultureInfo.InvariantCulture)));
        return new(_connection.Query(EvaluationStore.Sql("read_unsettled"), pairs));
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection.Dispose();
}

/// <summary>
/// The events of a set of cases, a case's events contiguous and in the order the evaluation applies them (instant,
/// file, line), read one at a time. Only the first event of a case makes strings of its keys: over millions of
/// events nothing else is allocated but each event's type and team.
/// </summary>
public sealed class OrderedCaseEvents : IDisposable
{
    // Columns: org, case_ref, event_type, occurred_at and due_at (epoch microseconds), team.
    private readonly DuckDbReader _reader;

    internal OrderedCaseEvents(DuckDbReader reader) => _reader = reader;

    /// <summary>The organisation of the current event's case.</summary>
    public string? Org { get; private set; }

    /// <summary>The reference of the current event's case.</summary>
    public string? CaseRef { get; private set; }

    /// <summary>Whether the current event is its case's first.</summary>
    public bool StartsCase { get; private set; }

    /// <summary>The current event's type.</summary>
    public string EventType => _reader.GetString(2);

    /// <summary>The current event's instant.</summary>
    public Instant OccurredAt => StoreTime.FromMicros(_reader.GetInt64(3));

    /// <summary>The current event's due time, when it carries one.</summary>
    public Instant? DueAt => _reader.IsNull(4) ? null : StoreTime.FromMicros(_reader.GetInt64(4));

    /// <summary>The current event's team, when it names one.</summary>
    public string? Team => _reader.IsNull(5) ? null : _reader.GetString(5);

    /// <summary>Moves to the next event; false after the last.</summary>
    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        StartsCase = !_reader.StringEquals(1, CaseRef) || !_reader.StringEquals(0, Org);
        if (StartsCase)
        {
            Org = _reader.GetString(0);
            CaseRef = _reader.GetString(1);
        }

        return true;
    }

    /// <summary>Closes the reader.</summary>
    public void Dispose() => _reader.Dispose();
}
