using ScottPlot;
using SurrogateService.Api.Rendering;

namespace SurrogateService.Api.Tests;

/// <summary>Figures draw text with the embedded font whatever fonts the machine has (the container has none).</summary>
public class PlotFontsTests
{
    [Fact]
    public void Every_font_request_is_answered_with_the_embedded_typeface()
    {
        PlotFonts.EnsureRegistered();

        Assert.Equal(PlotFonts.Family, Fonts.Default);
        Assert.Equal("DejaVu Sans", Fonts.GetTypeface("A font no machine has", bold: false, italic: false).FamilyName);
        Assert.True(Fonts.GetTypeface(Fonts.Default, bold: true, italic: false).FontWeight >= (int)SkiaSharp.SKFontStyleWeight.Bold);
    }
}
