namespace SurrogateService.Api.Rendering;

/// <summary>A fixed linear map from data values to the fraction [0, 1] of a colour map.</summary>
public readonly record struct ColorScale(double Min, double Max)
{
    /// <summary>−amplitude … +amplitude, so zero sits in the middle of the map.</summary>
    public static ColorScale Symmetric(double amplitude)
    {
        double a = amplitude > 0 && double.IsFinite(amplitude) ? amplitude : 1;
        return new ColorScale(-a, a);
    }

    /// <summary>Where value falls between Min and Max; outside values land beyond [0, 1] and are clamped by the map.</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    /// <summary>The palette index of value in a 256-colour map.</summary>
    public byte Index(double value) => ColorMap.IndexOf(Fraction(value));
}
