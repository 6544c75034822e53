using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>Distances and moves inside a box, shared by the strategies.</summary>
internal static class BoxGeometry
{
    /// <summary>‖ub − lb‖₂.</summary>
    public static double Diagonal(Box box)
    {
        double sum = 0;
        for (int j = 0; j < box.Dimension; j++)
        {
            double width = box.Upper[j] - box.Lower[j];
            sum += width * width;
        }
        return Math.Sqrt(sum);
    }

    public static double[] Widths(Box box)
    {
        var widths = new double[box.Dimension];
        for (int j = 0; j < widths.Length; j++)
            widths[j] = box.Upper[j] - box.Lower[j];
        return widths;
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double delta = a[j] - b[j];
            sum += delta * delta;
        }
        return sum;
    }

    /// <summary>
    /// Brings a coordinate back into [lower, upper] by reflecting it off the bound it crossed (then
    /// clamping, for steps longer than the box): unlike clamping alone, it does not pile candidates up on the faces.
    /// </summary>
    public static double Reflect(double x, double lower, double upper)
    {
        if (x < lower)
            x = 2 * lower - x;
        else if (x > upper)
            x = 2 * upper - x;
        return Math.Clamp(x, lower, upper);
    }
}
