using System.Globalization;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;

namespace ComplianceAnalytics.Publishing;

/// <summary>The Open XML of a PNG placed in a sheet's drawing, shared by the Breach timelines sheet and the cover picture.</summary>
internal static class WorkbookPictures
{
    private const long EmuPerPixel = 9525;

    /// <summary>A picture at its own pixel size (readable at 100 %), its top left at column A of the 0-based row after <paramref name="row"/>.</summary>
    public static Xdr.OneCellAnchor Anchor(string relationshipId, uint id, uint row, int width, int height, string name, string description) =>
        new(
            new Xdr.FromMarker(
                new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.Extent { Cx = width * EmuPerPixel, Cy = height * EmuPerPixel },
            new Xdr.Picture(
                new Xdr.NonVisualPictureProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id + 1, Name = name, Description = description },
                    new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new Xdr.BlipFill(
                    new A.Blip { Embed = relationshipId },
                    new A.Stretch(new A.FillRectangle())),
                new Xdr.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width * EmuPerPixel, Cy = height * EmuPerPixel }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
            new Xdr.ClientData());
}
