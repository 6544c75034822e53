using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Waves;

// usage: WaveBench NX NY NT [THREADS]
// Prints the line the C peer (acoustic2d.c) prints, measured the same way: the clock starts after
// 10 warm-up steps (when NT > 20), T_eff = 6·nx·ny·8 bytes per step (ParallelStencil's A_eff).
int nx = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 255;
int ny = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 255;
int nt = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.ProcessorCount;

var settings = new AcousticWaveSettings { Nx = nx, Ny = ny, Steps = nt, SnapshotEvery = nt, Threads = threads };
using var wave = new AcousticWave2D(settings);
int warm = nt > 20 ? 10 : 0;
wave.Advance(warm);
var clock = Stopwatch.StartNew();
wave.Advance(nt - warm);
double seconds = clock.Elapsed.TotalSeconds;

double sum = 0, max = double.NegativeInfinity;
foreach (double p in wave.Pressure)
{
    sum += p;
    max = Math.Max(max, p);
}
double teff = 6.0 * nx * ny * 8 / (seconds / (nt - warm)) / 1e9;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"nx={nx} ny={ny} nt={nt} threads={wave.ThreadCount} sumP={sum:E12} maxP={max:E12} time_s={seconds:F4} T_eff_GBs={teff:F2} Mcells_per_s={(double)nx * ny * (nt - warm) / seconds / 1e6:F1}"));
