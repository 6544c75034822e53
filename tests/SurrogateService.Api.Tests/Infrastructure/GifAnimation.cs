using SkiaSharp;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>An animated GIF decoded by SkiaSharp's codec: every frame's colours, delays and looping.</summary>
public sealed record GifAnimation(int Width, int Height, bool LoopsForever, IReadOnlyList<GifAnimation.Frame> Frames)
{
    public sealed record Frame(int DurationMilliseconds, SKColor[] Pixels);

    public static GifAnimation Read(byte[] bytes)
    {
        Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(bytes, 0, 6));
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var frames = new List<Frame>();
        using var bitmap = new SKBitmap(info);
        for (int i = 0; i < codec.FrameCount; i++)
        {
            // Frames that build on an earlier one are decoded over it, as a browser composes them.
            int required = codec.FrameInfo[i].RequiredFrame;
            var options = new SKCodecOptions(i, required);
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels(), options));
            frames.Add(new Frame(codec.FrameInfo[i].Duration, bitmap.Pixels));
        }
        // "For infinite repetition of frames, this will be -1" (SkiaSharp API docs, SKCodec.RepetitionCount).
        return new GifAnimation(info.Width, info.Height, codec.RepetitionCount == -1, frames);
    }
}
