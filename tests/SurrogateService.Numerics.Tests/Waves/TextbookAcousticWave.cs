using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

/// <summary>
/// The NUMERICS.md recipe transcribed literally, as an independent reference: P[i, j] with i
/// along x, two separate loops per step, and the miniapp's own evaluation order
/// (dt/ρ·ΔP/dx, dt·k·(ΔVx/dx + ΔVy/dy)).
/// </summary>
internal static class TextbookAcousticWave
{
    public static double[,] Run(AcousticWaveSettings s, int steps)
    {
        int nx = s.Nx, ny = s.Ny;
        double dx = s.Lx / (nx - 1), dy = s.Ly / (ny - 1);
        double k = s.BulkModulus, rho = s.Density;
        double dt = Math.Min(dx, dy) / Math.Sqrt(k / rho) / s.CflFactor;
        var (cx, cy) = s.PulseCentre ?? (s.Lx / 2, s.Ly / 2);
        var p = new double[nx, ny];
        var vx = new double[nx + 1, ny];
        var vy = new double[nx, ny + 1];
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
            {
                double x = i * dx - cx, y = j * dy - cy;
                p[i, j] = Math.Exp(-(x * x + y * y) / (s.PulseWidth * s.PulseWidth));
            }

        for (int it = 0; it < steps; it++)
        {
            for (int i = 1; i <= nx - 1; i++)
                for (int j = 1; j <= ny - 2; j++)
                    vx[i, j] -= dt / rho * (p[i, j] - p[i - 1, j]) / dx;
            for (int i = 1; i <= nx - 2; i++)
                for (int j = 1; j <= ny - 1; j++)
                    vy[i, j] -= dt / rho * (p[i, j] - p[i, j - 1]) / dy;
            for (int i = 0; i < nx; i++)
                for (int j = 0; j < ny; j++)
                    p[i, j] -= dt * k * ((vx[i + 1, j] - vx[i, j]) / dx + (vy[i, j + 1] - vy[i, j]) / dy);
        }
        return p;
    }
}
