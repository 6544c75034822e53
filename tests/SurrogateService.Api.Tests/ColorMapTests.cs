using SurrogateService.Api.Rendering;

namespace SurrogateService.Api.Tests;

public class ColorMapTests
{
    [Fact]
    public void Every_fraction_gets_the_colour_ScottPlot_gives_it()
    {
        // Wave images (indexed palettes) and figures (ScottPlot heatmaps) show a value alike.
        var scottPlot = new ScottPlot.Colormaps.Viridis();
        var palette = ColorMaps.Viridis.Palette;
        var fractions = Enumerable.Range(0, 10_001).Select(k => k / 10_000.0)
            .Concat(Enumerable.Range(0, 256).Select(i => i / 255.0));
        foreach (double t in fractions)
        {
            int i = ColorMap.IndexOf(t);
            var expected = scottPlot.GetColor(t);
            Assert.Equal((expected.R, expected.G, expected.B), (palette[3 * i], palette[3 * i + 1], palette[3 * i + 2]));
        }
    }

    [Fact]
    public void Viridis_ends_are_matplotlib_s_to_within_one_level()
    {
        // matplotlib's _cm_listed.py: viridis starts at (0.267004, 0.004874, 0.329415) and ends at
        // (0.993248, 0.906157, 0.143936); 8-bit tables may round or truncate.
        var palette = ColorMaps.Viridis.Palette;
        AssertNear([0.267004, 0.004874, 0.329415], palette[..3]);
        AssertNear([0.993248, 0.906157, 0.143936], palette[^3..]);
    }

    [Fact]
    public void Viridis_lightness_rises_along_the_map()
    {
        // A perceptual sequential map: relative luminance (sRGB, ITU-R BT.709 weights) increases
        // over every two entries; single steps can tie or dip within 8-bit rounding.
        byte[] palette = ColorMaps.Viridis.Palette.ToArray();
        var luminance = Enumerable.Range(0, ColorMap.Size)
            .Select(i => 0.2126 * Linear(palette[3 * i]) + 0.7152 * Linear(palette[3 * i + 1]) + 0.0722 * Linear(palette[3 * i + 2]))
            .ToArray();
        for (int i = 2; i < luminance.Length; i++)
            Assert.True(luminance[i] > luminance[i - 2], $"entry {i} is not lighter than entry {i - 2}");
        for (int i = 1; i < luminance.Length; i++)
            Assert.True(luminance[i] > luminance[i - 1] - 5e-4, $"entry {i} is darker than entry {i - 1}");
    }

    [Theory]
    [InlineData(-0.5, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 127)]
    [InlineData(0.999, 254)]
    [InlineData(1.0, 255)]
    [InlineData(7.0, 255)]
    public void Fractions_map_to_indices_by_flooring_and_clamping(double t, int expected) =>
        Assert.Equal(expected, ColorMap.IndexOf(t));

    [Fact]
    public void Symmetric_scale_puts_zero_in_the_middle_and_the_amplitude_at_the_ends()
    {
        var scale = ColorScale.Symmetric(0.25);

        Assert.Equal(0, scale.Index(-0.25));
        Assert.Equal(127, scale.Index(0));
        Assert.Equal(255, scale.Index(0.25));
        Assert.Equal(255, scale.Index(3));
    }

    private static void AssertNear(double[] expected, ReadOnlySpan<byte> actual)
    {
        for (int c = 0; c < 3; c++)
            Assert.InRange(actual[c], 255 * expected[c] - 1, 255 * expected[c] + 1);
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
