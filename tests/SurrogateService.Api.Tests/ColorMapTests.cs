using SurrogateService.Api.Rendering;

namespace SurrogateService.Api.Tests;

public class ColorMapTests
{
    [Fact]
    public void Viridis_runs_from_dark_purple_to_yellow_through_teal()
    {
        var viridis = ColorMaps.Viridis;

        Assert.Equal(256, viridis.Colors.Count);
        Assert.Equal("#440154", viridis.ColorAt(0).ToHex());
        Assert.Equal("#21918C", viridis.ColorAt(0.5).ToHex());
        Assert.Equal("#FDE725", viridis.ColorAt(1).ToHex());
        Assert.Equal(viridis.Palette[..3].ToArray(), new byte[] { 0x44, 0x01, 0x54 });
    }

    [Fact]
    public void Viridis_lightness_rises_along_the_map()
    {
        // A perceptual sequential map: relative luminance (sRGB, ITU-R BT.709 weights) increases
        // over every two entries; single steps can tie or dip within 8-bit rounding.
        var luminance = ColorMaps.Viridis.Colors
            .Select(c => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B))
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
    [InlineData(0.5, 128)]
    [InlineData(1.0, 255)]
    [InlineData(7.0, 255)]
    public void Fractions_map_to_indices_by_rounding_and_clamping(double t, int expected) =>
        Assert.Equal(expected, ColorMap.IndexOf(t));

    [Fact]
    public void Symmetric_scale_puts_zero_in_the_middle_and_the_amplitude_at_the_ends()
    {
        var scale = ColorScale.Symmetric(0.25);

        Assert.Equal(0, scale.Index(-0.25));
        Assert.Equal(128, scale.Index(0));
        Assert.Equal(255, scale.Index(0.25));
        Assert.Equal(255, scale.Index(3));
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
