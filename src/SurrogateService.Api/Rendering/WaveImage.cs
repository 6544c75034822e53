using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Rendering;

/// <summary>Turns a pressure snapshot into palette indices the way a heat map shows it: y upwards.</summary>
public static class WaveImage
{
    /// <summary>
    /// Fills <paramref name="pixels"/> (height rows of width, top row first) with the colour index
    /// of every stride-th point; the top image row is the last thinned grid row (largest y).
    /// </summary>
    /// <param name="row">Scratch space for one thinned grid row.</param>
    public static void ToIndices(WaveFrame frame, int stride, ColorScale scale, Span<byte> pixels, Span<double> row)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int width = WaveFrame.SampledLength(frame.Nx, stride);
        int height = WaveFrame.SampledLength(frame.Ny, stride);
        if (pixels.Length != width * height || row.Length != width)
            throw new ArgumentException($"Expected {width}×{height} pixels and a row of {width}.", nameof(pixels));
        for (int r = 0; r < height; r++)
        {
            frame.CopyRow(r, stride, row);
            var line = pixels.Slice((height - 1 - r) * width, width);
            for (int i = 0; i < width; i++)
                line[i] = scale.Index(row[i]);
        }
    }
}
