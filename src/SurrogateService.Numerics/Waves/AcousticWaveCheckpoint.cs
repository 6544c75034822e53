namespace SurrogateService.Numerics.Waves;

/// <summary>
/// A run of <see cref="AcousticWave2D"/> after <paramref name="Steps"/> steps: its pressure and velocity fields and
/// the receivers' samples so far. The scheme is explicit and every cell is computed by the same expression whatever
/// the threads, so a run restored from it takes the remaining steps exactly as one never interrupted.
/// </summary>
public sealed record AcousticWaveCheckpoint(
    int Steps, double[] Pressure, double[] VelocityX, double[] VelocityY, double[] TraceSamples, int TracesRecorded);
