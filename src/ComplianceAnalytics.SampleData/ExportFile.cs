using System.Globalization;
using System.Text;

namespace ComplianceAnalytics.SampleData;

/// <summary>One export file being streamed: rows go straight to disk.</summary>
internal abstract class ExportFile : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly StreamWriter _writer;

    protected ExportFile(string fullPath, string relativePath, bool bom)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        _writer = new StreamWriter(fullPath, append: false, new UTF8Encoding(bom), BufferSize);
    }

    public string RelativePath { get; }

    public string FullPath { get; }

    public int Rows { get; private set; }

    protected StreamWriter Writer => _writer;

    /// <summary>Writes one row; <paramref name="values"/> is indexed by <see cref="ExportColumns"/>.</summary>
    public void Write(string?[] values, bool malformed = false)
    {
        WriteRow(values, malformed);
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    protected abstract void WriteRow(string?[] values, bool malformed);
}

/// <summary>RFC 4180 CSV with a header row, in the column order and line ending of the source.</summary>
internal sealed class CsvExportFile : ExportFile
{
    private readonly int[] _columns;
    private readonly string _lineEnd;
    private readonly StringBuilder _line = new();

    public CsvExportFile(string fullPath, string relativePath, bool bom, string lineEnd, IReadOnlyList<(string Name, int Column)> layout)
        : base(fullPath, relativePath, bom)
    {
        _columns = [.. layout.Select(c => c.Column)];
        _lineEnd = lineEnd;
        Writer.Write(string.Join(',', layout.Select(c => Quote(c.Name))));
        Writer.Write(lineEnd);
    }

    protected override void WriteRow(string?[] values, bool malformed)
    {
        _line.Clear();

        // A malformed row lost its last field, as when a source system truncates a line.
        var count = malformed ? _columns.Length - 1 : _columns.Length;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }

            AppendQuoted(_line, values[_columns[i]]);
        }

        _line.Append(_lineEnd);
        Writer.Write(_line);
    }

    private static string Quote(string value)
    {
        var quoted = new StringBuilder();
        AppendQuoted(quoted, value);
        return quoted.ToString();
    }

    private static void AppendQuoted(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

/// <summary>JSON Lines: one object per line with the canonical keys; empty values are left out.</summary>
internal sealed class JsonLinesExportFile(string fullPath, string relativePath) : ExportFile(fullPath, relativePath, bom: false)
{
    private readonly StringBuilder _line = new();

    protected override void WriteRow(string?[] values, bool malformed)
    {
        _line.Clear().Append('{');
        var first = true;
        for (var column = 0; column < ExportColumns.CanonicalNames.Count; column++)
        {
            var value = values[column];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!first)
            {
                _line.Append(',');
            }

            first = false;
            _line.Append('"').Append(ExportColumns.CanonicalNames[column]).Append("\":");

            // The source system writes money as a JSON number and the vulnerability flag as a JSON boolean;
            // a garbled value (a planted bad_value) it writes as a string.
            if ((column is ExportColumns.RedressAmount or ExportColumns.Vulnerable) && IsJsonLiteral(value))
            {
                _line.Append(value);
            }
            else
            {
                AppendString(_line, value);
            }
        }

        _line.Append('}');
        if (malformed)
        {
            // A line cut short in the middle: never valid JSON, whatever the cut.
            _line.Length = _line.Length / 2;
        }

        _line.Append('\n');
        Writer.Write(_line);
    }

    private static bool IsJsonLiteral(string value) =>
        value is "true" or "false" || decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static void AppendString(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    line.Append("\\\"");
                    break;
                case '\\':
                    line.Append("\\\\");
                    break;
                case '\n':
                    line.Append("\\n");
                    break;
                case '\r':
                    line.Append("\\r");
                    break;
                case < ' ':
                    line.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }

        line.Append('"');
    }
}
