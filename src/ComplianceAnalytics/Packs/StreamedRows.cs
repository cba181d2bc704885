using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// A sheet whose data rows are written by <see cref="StreamedRows"/>: ClosedXML has saved its title, header,
/// note and the rows in <see cref="BuiltRows"/>; every other row of the first <see cref="Written"/> is streamed.
/// </summary>
/// <param name="SheetName">The worksheet's name in the workbook.</param>
/// <param name="Values">The value of each output column, from a table row.</param>
/// <param name="Rows">The table's rows, in sheet order.</param>
/// <param name="Written">How many of the rows the sheet shows (the rest are cut by the sheet's row limit).</param>
/// <param name="BuiltRows">Table row indexes ClosedXML wrote, ascending; the first is 0.</param>
/// <param name="Where">Names the sheet, row and column of a value that cannot be written.</param>
internal sealed record StreamedSheet(
    string SheetName,
    IReadOnlyList<Func<object?[], object?>> Values,
    IReadOnlyList<object?[]> Rows,
    int Written,
    IReadOnlyList<int> BuiltRows,
    Func<int, int, string> Where)
{
    /// <summary>Each written row's height in points (wrapped text); rows keep the default height when none.</summary>
    public IReadOnlyList<double>? Heights { get; init; }
}

/// <summary>
/// Rewrites a saved worksheet part: the Open XML SDK's reader copies everything ClosedXML wrote, and the
/// data rows it left out are written in between, each cell with the style of its column's cell in the first
/// data row and text as inline strings. Building every cell in ClosedXML and saving it through its DOM cost
/// most of a long pack's writing time. The rows go straight to an <see cref="XmlWriter"/>: the SDK's
/// <c>OpenXmlWriter</c> looks up element metadata on every call, which made the write 40% slower.
/// </summary>
internal static class StreamedRows
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="document">The saved workbook, open for editing.</param>
    /// <param name="sheet">The sheet whose rows to stream.</param>
    /// <param name="escaped">The sheet's cells ClosedXML wrote with text <see cref="EscapedText"/> would rewrite.</param>
    public static void Write(SpreadsheetDocument document, StreamedSheet sheet, IEnumerable<EscapedCell> escaped)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        var part = EscapedText.WorksheetPart(workbookPart, sheet.SheetName);
        // Read from a copy because the part is written in place; ClosedXML's part holds only a few rows.
        var saved = new MemoryStream();
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            stream.CopyTo(saved);
        }

        saved.Position = 0;
        var escapes = escaped.ToDictionary(e => e.Reference, e => e.Text, StringComparer.Ordinal);
        using var reader = new TypedOpenXmlPartReader(saved, new OpenXmlPartReaderOptions());
        using var output = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        RowWriter? rows = null;
        writer.WriteStartDocument();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                rows!.WriteUpTo((int)row.RowIndex!.Value);
                foreach (var cell in row.Elements<Cell>())
                {
                    if (escapes.TryGetValue(cell.CellReference!.Value!, out var text))
                    {
                        EscapedText.Escape(cell, text);
                    }
                }

                rows.Learn(row);
                row.WriteTo(writer);
            }
            else if (reader.ElementType == typeof(Worksheet) || reader.ElementType == typeof(SheetData))
            {
                if (reader.IsEndElement)
                {
                    if (reader.ElementType == typeof(SheetData))
                    {
                        rows!.WriteUpTo(int.MaxValue);
                    }

                    writer.WriteEndElement();
                    continue;
                }

                writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceUri);
                foreach (var (prefix, uri) in reader.NamespaceDeclarations)
                {
                    writer.WriteAttributeString("xmlns", prefix, null, uri);
                }

                foreach (var attribute in reader.Attributes)
                {
                    writer.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
                }

                if (reader.ElementType == typeof(SheetData))
                {
                    rows = new RowWriter(writer, reader.Prefix, sheet);
                }
            }
            else if (reader.IsStartElement)
            {
                var element = reader.LoadCurrentElement()!;
                if (element is SheetDimension dimension)
                {
                    dimension.Reference = Extend(dimension.Reference!.Value!, WorkbookWriter.FirstDataRow + sheet.Written - 1);
                }

                element.WriteTo(writer);
            }
        }
    }

    /// <summary>"A1:J3" extended down to <paramref name="lastRow"/>: "A1:J7989".</summary>
    private static string Extend(string reference, int lastRow)
    {
        var end = reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var letters = end.TrimEnd("0123456789".ToCharArray());
        var row = int.Parse(end.AsSpan(letters.Length), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{reference[..^end.Length]}{letters}{Math.Max(row, lastRow)}");
    }

    /// <summary>Writes the streamed rows in order, between the rows ClosedXML wrote.</summary>
    private sealed class RowWriter(XmlWriter writer, string prefix, StreamedSheet sheet)
    {
        private readonly string[] _letters = Enumerable.Range(1, sheet.Values.Count).Select(ChartWriter.ColumnLetters).ToArray();
        private readonly HashSet<int> _built = [.. sheet.BuiltRows];
        private string?[]? _styles;
        private string? _spans;
        private int _next;

        /// <summary>Takes the style of each column's cell, and the spans, from the first data row.</summary>
        public void Learn(Row row)
        {
            if (row.RowIndex!.Value != WorkbookWriter.FirstDataRow)
            {
                return;
            }

            _spans = row.Spans?.InnerText;
            _styles = new string?[_letters.Length];
            var suffix = WorkbookWriter.FirstDataRow.ToString(CultureInfo.InvariantCulture).Length;
            foreach (var cell in row.Elements<Cell>())
            {
                _styles[Array.IndexOf(_letters, cell.CellReference!.Value![..^suffix])] = cell.StyleIndex?.InnerText;
            }
        }

        /// <summary>Writes the streamed rows above sheet row <paramref name="rowNumber"/> not yet written.</summary>
        public void WriteUpTo(int rowNumber)
        {
            for (; _next < sheet.Written && WorkbookWriter.FirstDataRow + _next < rowNumber; _next++)
            {
                if (!_built.Contains(_next))
                {
                    WriteRow(_next);
                }
            }
        }

        private void WriteRow(int index)
        {
            var styles = _styles ?? throw new InvalidOperationException($"Sheet '{sheet.SheetName}': row {index} comes before the first data row.");
            var number = (WorkbookWriter.FirstDataRow + index).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(prefix, "row", Main);
            writer.WriteAttributeString("r", number);
            if (_spans is not null)
            {
                writer.WriteAttributeString("spans", _spans);
            }

            // As ClosedXML writes a row height it was given: readers do not grow a row for wrapped text.
            if (sheet.Heights is { } heights)
            {
                writer.WriteAttributeString("ht", heights[index].ToString(CultureInfo.InvariantCulture));
                writer.WriteAttributeString("customHeight", "1");
            }

            var row = sheet.Rows[index];
            for (var c = 0; c < _letters.Length; c++)
            {
                var column = c;
                WriteCell(_letters[c] + number, styles[c], sheet.Values[c](row), () => sheet.Where(index, column));
            }

            writer.WriteEndElement();
        }

        /// <summary>A cell as ClosedXML writes the value (see <see cref="PackCellValues.SetValue"/>), text inline.</summary>
        private void WriteCell(string reference, string? style, object? value, Func<string> where)
        {
            switch (value)
            {
                case null or "":
                    // An empty cell is kept only for a style of its own, as ClosedXML keeps it.
                    if (style is not null and not "0")
                    {
                        StartCell(reference, style, null);
                        writer.WriteEndElement();
                    }

                    break;
                case string text:
                    var encoded = XmlText.Encode(text);
                    StartCell(reference, style, "inlineStr");
                    writer.WriteStartElement(prefix, "is", Main);
                    writer.WriteStartElement(prefix, "t", Main);
                    // As ClosedXML marks it: readers drop white space at either end otherwise.
                    if (char.IsWhiteSpace(encoded[0]) || char.IsWhiteSpace(encoded[^1]))
                    {
                        writer.WriteAttributeString("xml", "space", null, "preserve");
                    }

                    writer.WriteString(encoded);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                    break;
                case bool flag:
                    StartCell(reference, style, "b");
                    writer.WriteElementString(prefix, "v", Main, flag ? "1" : "0");
                    writer.WriteEndElement();
                    break;
                default:
                    var number = PackCellValues.CellNumber(value, where).ToString("G15", CultureInfo.InvariantCulture);
                    StartCell(reference, style, null);
                    writer.WriteElementString(prefix, "v", Main, number);
                    writer.WriteEndElement();
                    break;
            }
        }

        private void StartCell(string reference, string? style, string? type)
        {
            writer.WriteStartElement(prefix, "c", Main);
            writer.WriteAttributeString("r", reference);
            if (style is not null)
            {
                writer.WriteAttributeString("s", style);
            }

            if (type is not null)
            {
                writer.WriteAttributeString("t", type);
            }
        }
    }
}
