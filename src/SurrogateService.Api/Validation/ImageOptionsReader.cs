using SurrogateService.Api.Hosting;
using SurrogateService.Api.Rendering;

namespace SurrogateService.Api.Validation;

/// <summary>Checks a figure's <c>width</c>, <c>height</c> and <c>scale</c> against the limits, filling in defaults.</summary>
public static class ImageOptionsReader
{
    public const int MinSide = 100;
    public const double MinScale = 0.5;
    public const double MaxScale = 4;

    public static ImageOptions? Read(int? width, int? height, double? scale, (int Width, int Height) defaults, RequestErrors errors, LimitsOptions limits)
    {
        int w = width ?? defaults.Width, h = height ?? defaults.Height;
        double s = scale ?? 1;
        bool valid = true;
        if (w < MinSide || w > limits.MaxImageWidth)
        {
            errors.Add("width", $"Must be between {MinSide} and {limits.MaxImageWidth} pixels.");
            valid = false;
        }
        if (h < MinSide || h > limits.MaxImageHeight)
        {
            errors.Add("height", $"Must be between {MinSide} and {limits.MaxImageHeight} pixels.");
            valid = false;
        }
        if (valid && (long)w * h > limits.MaxImagePixels)
        {
            errors.Add("width", $"width × height must be at most {limits.MaxImagePixels} pixels.");
            errors.Add("height", $"width × height must be at most {limits.MaxImagePixels} pixels.");
            valid = false;
        }
        if (s < MinScale || s > MaxScale)
        {
            errors.Add("scale", $"Must be between {MinScale} and {MaxScale}.");
            valid = false;
        }
        return valid ? new ImageOptions(w, h, s) : null;
    }
}
