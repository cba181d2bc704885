using System.Text;

namespace ComplianceAnalytics.Ingestion;

/// <summary>
/// Reads the header row of a CSV export: the column names decide which positional columns
/// DuckDB's reader is asked for, so that no name taken from a file ever becomes part of SQL.
/// </summary>
internal static class ExportHeader
{
    private const int MaxHeaderBytes = 1 << 20;

    /// <summary>The header's column names, or an error when the file has none that can be read.</summary>
    public static (IReadOnlyList<string>? Columns, string? Error) ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(MaxHeaderBytes, Math.Max(1, stream.Length))];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length == 0)
        {
            return (null, "empty file: there is no header row");
        }

        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var end = FindRecordEnd(buffer.AsSpan(start, length - start));
        if (end < 0)
        {
            if (length == MaxHeaderBytes)
            {
                return (null, "the header row is longer than 1 MiB");
            }

            end = length - start;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, start, end);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the header row is not valid UTF-8");
        }

        var columns = ParseRecord(text.TrimEnd('\r'));
        if (columns.All(string.IsNullOrWhiteSpace))
        {
            return (null, "the header row names no columns");
        }

        return (columns, null);
    }

    /// <summary>The index of the newline that ends the first record, outside quotes.</summary>
    private static int FindRecordEnd(ReadOnlySpan<byte> bytes)
    {
        var quoted = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (bytes[i] == (byte)'\n' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>RFC 4180 fields of one record: commas separate, quotes enclose, doubled quotes escape.</summary>
    private static List<string> ParseRecord(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}

/// <summary>
/// What DuckDB's lenient CSV reader does not report: the records that are empty (it skips them,
/// yet they count as lines) and the records with more fields than the header (it keeps their first
/// fields and drops the rest). Records are numbered as DuckDB numbers them: the header is line 1
/// and a quoted line break does not end a record.
/// </summary>
internal sealed record CsvLayout(IReadOnlyList<long> EmptyLines, IReadOnlyList<long> OverfullLines)
{
    public static CsvLayout Scan(string path, int columns)
    {
        var empty = new List<long>();
        var overfull = new List<long>();
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long line = 1;
        var fields = 1;
        var content = false;      // the record holds something other than CR
        var fieldStart = true;    // the next byte starts a field
        var quoted = false;
        var quoteSeen = false;    // a quote inside a quoted field: it closes the field or escapes the next
        var first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            if (first)
            {
                first = false;
                start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            }

            for (var i = start; i < read; i++)
            {
                var b = buffer[i];
                if (quoted)
                {
                    if (quoteSeen)
                    {
                        quoteSeen = false;
                        if (b == (byte)'"')
                        {
                            continue;
                        }

                        quoted = false;
                    }
                    else
                    {
                        if (b == (byte)'"')
                        {
                            quoteSeen = true;
                        }

                        continue;
                    }
                }

                switch (b)
                {
                    case (byte)'\n':
                        if (!content)
                        {
                            empty.Add(line);
                        }
                        else if (fields > columns)
                        {
                            overfull.Add(line);
                        }

                        line++;
                        fields = 1;
                        content = false;
                        fieldStart = true;
                        break;
                    case (byte)'\r':
                        break;
                    case (byte)',':
                        fields++;
                        content = true;
                        fieldStart = true;
                        break;
                    case (byte)'"' when fieldStart:
                        quoted = true;
                        content = true;
                        fieldStart = false;
                        break;
                    default:
                        content = true;
                        fieldStart = false;
                        break;
                }
            }
        }

        if (content && !(quoted && !quoteSeen) && fields > columns)
        {
            overfull.Add(line);
        }

        // The header's own empty lines are not records of the file's body.
        empty.RemoveAll(l => l == 1);
        return new CsvLayout(empty, overfull);
    }
}
