using ScottPlot;
using SkiaSharp;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// Answers every font request with the typefaces shipped in the assembly, so a figure looks the
/// same everywhere and text is drawn even where no system font exists (the chiseled image has none).
/// </summary>
internal sealed class EmbeddedFontResolver(SKTypeface regularFace, SKTypeface boldFace) : IFontResolver
{
    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        weight >= FontWeight.SemiBold ? boldFace : regularFace;

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) =>
        bold ? boldFace : regularFace;
}
