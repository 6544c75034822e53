namespace SurrogateService.Api.Rendering;

/// <summary>
/// The size of a PNG in pixels and the scale of its text and lines: scale 2 draws everything twice
/// as large in the same pixels, like a higher DPI.
/// </summary>
public sealed record ImageOptions(int Width, int Height, double Scale);
