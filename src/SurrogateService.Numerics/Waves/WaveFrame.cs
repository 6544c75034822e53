namespace SurrogateService.Numerics.Waves;

/// <summary>
/// A snapshot of a running <see cref="AcousticWave2D"/>: which step, what time, and a view of the
/// live pressure. The view is only valid until the run takes its next step, so a consumer copies
/// what it keeps, thinned to every <c>stride</c>-th point if it likes, in double or single precision.
/// </summary>
public sealed class WaveFrame
{
    private readonly AcousticWave2D _wave;

    internal WaveFrame(AcousticWave2D wave, int index, int step, double time)
    {
        _wave = wave;
        Index = index;
        Step = step;
        Time = time;
    }

    /// <summary>0 for the first snapshot of the run.</summary>
    public int Index { get; }

    public int Step { get; }

    public double Time { get; }

    public int Nx => _wave.Settings.Nx;

    public int Ny => _wave.Settings.Ny;

    /// <summary>ny rows of nx pressure values, row j at y = j·dy; valid until the next step.</summary>
    public ReadOnlySpan<double> Pressure => _wave.StepsTaken == Step
        ? _wave.Pressure
        : throw new InvalidOperationException($"The run has moved on from step {Step}; copy a frame before asking for the next.");

    /// <summary>Points kept of n when every stride-th is taken, starting with the first: 0, s, 2s, … ≤ n − 1.</summary>
    public static int SampledLength(int n, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        return (n - 1) / stride + 1;
    }

    /// <summary>Row <paramref name="row"/> of the thinned grid (pressure row row·stride), every stride-th value.</summary>
    public void CopyRow(int row, int stride, Span<double> destination)
    {
        var source = SourceRow(row, stride, destination.Length);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = source[i * stride];
    }

    /// <inheritdoc cref="CopyRow(int, int, Span{double})"/>
    public void CopyRow(int row, int stride, Span<float> destination)
    {
        var source = SourceRow(row, stride, destination.Length);
        for (int i = 0; i < destination.Length; i++)
            destination[i] = (float)source[i * stride];
    }

    /// <summary>The whole thinned frame, row after row: SampledLength(ny)·SampledLength(nx) values.</summary>
    public void CopyTo(Span<double> destination, int stride = 1)
    {
        int width = SampledLength(Nx, stride);
        int height = SampledLength(Ny, stride);
        if (destination.Length != width * height)
            throw new ArgumentException($"Expected room for {width * height} values.", nameof(destination));
        for (int r = 0; r < height; r++)
            CopyRow(r, stride, destination.Slice(r * width, width));
    }

    private ReadOnlySpan<double> SourceRow(int row, int stride, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (width != SampledLength(Nx, stride))
            throw new ArgumentException($"A thinned row holds {SampledLength(Nx, stride)} values.", nameof(width));
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, SampledLength(Ny, stride));
        return Pressure.Slice(row * stride * Nx, Nx);
    }
}
