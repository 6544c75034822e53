using ScottPlot;
using SkiaSharp;

namespace SurrogateService.Api.Rendering;

/// <summary>Lays out panels side by side under a figure title and encodes the whole as a PNG.</summary>
public static class Figure
{
    private const float TitleSize = 17;
    private const float TitleBand = 36;

    public static byte[] ToPng(ImageOptions image, string title, IReadOnlyList<Plot> panels)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(panels);
        float scale = (float)image.Scale;
        using var surface = SKSurface.Create(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not allocate the image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawTitle(canvas, title, image.Width, scale);

        float top = TitleBand * scale;
        float panelWidth = (float)image.Width / panels.Count;
        for (int i = 0; i < panels.Count; i++)
        {
            panels[i].ScaleFactor = image.Scale;
            var area = new PixelRect(i * panelWidth, (i + 1) * panelWidth, image.Height, top);
            // A plot paints its background over the whole canvas; the clip keeps it in its own area.
            canvas.Save();
            canvas.ClipRect(area.ToSKRect());
            panels[i].Render(canvas, area);
            canvas.Restore();
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawTitle(SKCanvas canvas, string title, int width, float scale)
    {
        using var font = new SKFont(PlotFonts.Bold, TitleSize * scale);
        // Shrink a long title to the width rather than cut it off.
        float measured = font.MeasureText(title);
        float available = width - 16 * scale;
        if (measured > available)
            font.Size *= available / measured;
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, width / 2f, (TitleBand - 11) * scale, SKTextAlign.Center, font, paint);
    }
}
