namespace SurrogateService.Numerics.Tests.LinearAlgebra;

/// <summary>
/// Reference eigenvalues of a small symmetric matrix by cyclic Jacobi rotations: slow (O(n³) per
/// sweep) but simple and accurate to rounding, so tests can check the production estimates against it.
/// </summary>
internal static class JacobiEigenvalues
{
    public static double[] Of(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double offDiagonal = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                    offDiagonal += a[i * n + j] * a[i * n + j];
            }
            if (offDiagonal < 1e-30 * Math.Max(1, Trace(a, n) * Trace(a, n)))
                break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                    Rotate(a, n, p, q);
            }
        }
        var eigenvalues = new double[n];
        for (int i = 0; i < n; i++)
            eigenvalues[i] = a[i * n + i];
        Array.Sort(eigenvalues);
        return eigenvalues;
    }

    /// <summary>Zeroes a[p,q] by a rotation in the (p, q) plane applied on both sides.</summary>
    private static void Rotate(double[] a, int n, int p, int q)
    {
        double apq = a[p * n + q];
        if (apq == 0)
            return;
        double tau = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        double t = Math.Sign(tau == 0 ? 1 : tau) / (Math.Abs(tau) + Math.Sqrt(1 + tau * tau));
        double c = 1 / Math.Sqrt(1 + t * t), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
    }

    private static double Trace(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += Math.Abs(a[i * n + i]);
        return sum;
    }
}
