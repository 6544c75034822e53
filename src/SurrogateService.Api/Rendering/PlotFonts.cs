using ScottPlot;
using SkiaSharp;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// Registers the embedded DejaVu Sans with ScottPlot once, as its default and only font
/// (licence: Rendering/Fonts/LICENSE-DejaVu.txt).
/// </summary>
public static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Registration = new(Register);

    /// <summary>The bold face, for text drawn outside ScottPlot (figure titles).</summary>
    public static SKTypeface Bold => Registration.Value;

    /// <summary>Call before building a plot: labels take the default font when they are created.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static SKTypeface Register()
    {
        var regular = Load("DejaVuSans.ttf");
        var bold = Load("DejaVuSans-Bold.ttf");
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(regular, bold));
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return bold;
    }

    private static SKTypeface Load(string file)
    {
        string resource = $"{typeof(PlotFonts).Namespace}.Fonts.{file}";
        using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {resource} could not be read.");
    }
}
