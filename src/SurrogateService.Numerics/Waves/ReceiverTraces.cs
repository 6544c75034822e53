namespace SurrogateService.Numerics.Waves;

/// <summary>
/// The pressure a run records at its receivers: one trace per receiver, a sample every
/// <see cref="AcousticWaveSettings.TraceEvery"/> steps. A receiver's value is the bilinear
/// interpolation of the four grid points around it, so a receiver on a grid point reads that point.
/// </summary>
public sealed class ReceiverTraces
{
    private readonly int[] _corner;
    private readonly double[] _weightX;
    private readonly double[] _weightY;
    private readonly int _nx;
    private readonly double[] _samples;

    internal ReceiverTraces(AcousticWaveSettings settings)
    {
        _nx = settings.Nx;
        Every = settings.TraceEvery;
        Length = settings.TraceLength;
        Count = settings.Receivers.Count;
        _corner = new int[Count];
        _weightX = new double[Count];
        _weightY = new double[Count];
        _samples = new double[Count * Length];
        for (int r = 0; r < Count; r++)
        {
            var (x, y) = settings.Receivers[r];
            var (i, wx) = Cell(x / settings.Dx, settings.Nx);
            var (j, wy) = Cell(y / settings.Dy, settings.Ny);
            _corner[r] = j * _nx + i;
            _weightX[r] = wx;
            _weightY[r] = wy;
        }
    }

    /// <summary>Receivers, in the order of the settings.</summary>
    public int Count { get; }

    /// <summary>Samples per trace once the run is complete.</summary>
    public int Length { get; }

    /// <summary>Steps between two samples; sample s was taken after step (s + 1)·Every.</summary>
    public int Every { get; }

    /// <summary>Samples recorded so far (the same for every receiver).</summary>
    public int Recorded { get; private set; }

    /// <summary>The samples of receiver <paramref name="receiver"/> recorded so far.</summary>
    public ReadOnlySpan<double> Trace(int receiver)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(receiver);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(receiver, Count);
        return _samples.AsSpan(receiver * Length, Recorded);
    }

    /// <summary>Every sample slot, receiver after receiver (the unrecorded ones 0), for a checkpoint.</summary>
    internal ReadOnlySpan<double> Samples => _samples;

    /// <summary>Puts back the samples of a checkpoint.</summary>
    internal void Restore(double[] samples, int recorded)
    {
        if (samples.Length != _samples.Length || recorded < 0 || recorded > Length)
            throw new ArgumentException("The checkpoint's traces are not of these receivers.", nameof(samples));
        samples.CopyTo(_samples, 0);
        Recorded = recorded;
    }

    /// <summary>Takes a sample when <paramref name="step"/> is one of the recorded steps and room is left.</summary>
    internal void Record(ReadOnlySpan<double> pressure, int step)
    {
        if (step % Every != 0 || Recorded == Length)
            return;
        for (int r = 0; r < Count; r++)
        {
            int c = _corner[r];
            double wx = _weightX[r];
            double wy = _weightY[r];
            // The +1 neighbours exist: Cell never returns the last index with a non-zero weight.
            double below = wx == 0 ? pressure[c] : (1 - wx) * pressure[c] + wx * pressure[c + 1];
            double above = wy == 0 ? 0 : wx == 0 ? pressure[c + _nx] : (1 - wx) * pressure[c + _nx] + wx * pressure[c + _nx + 1];
            _samples[r * Length + Recorded] = (1 - wy) * below + wy * above;
        }
        Recorded++;
    }

    /// <summary>The grid index at or below a fractional index, and the weight of the next one (0 on the last point).</summary>
    private static (int Index, double Weight) Cell(double position, int n)
    {
        int index = Math.Clamp((int)Math.Floor(position), 0, n - 1);
        double weight = Math.Clamp(position - index, 0, 1);
        if (index == n - 1 || weight < 1e-12)
            return (index, 0);
        if (weight > 1 - 1e-12)
            return (index + 1, 0);
        return (index, weight);
    }
}
