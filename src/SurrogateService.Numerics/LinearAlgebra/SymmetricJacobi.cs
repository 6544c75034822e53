namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (Golub &amp; Van Loan,
/// Matrix Computations, 4th ed., §8.5): slow for large matrices, O(d³) per sweep, but accurate to rounding
/// in every eigenvector and free of the convergence traps of power iteration when eigenvalues are close.
/// </summary>
public static class SymmetricJacobi
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues in decreasing order and the row-major d×d matrix whose column k is the unit eigenvector of
    /// eigenvalue k. Only the matrix's upper triangle needs to be symmetric to the lower one; it is not changed.
    /// </summary>
    public static (double[] Eigenvalues, double[] Vectors) Decompose(ReadOnlySpan<double> matrix, int d)
    {
        var a = matrix.ToArray();
        var v = new double[d * d];
        for (int i = 0; i < d; i++)
            v[i * d + i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double offDiagonal = 0, scale = 0;
            for (int p = 0; p < d; p++)
            {
                scale += a[p * d + p] * a[p * d + p];
                for (int q = p + 1; q < d; q++)
                    offDiagonal += a[p * d + q] * a[p * d + q];
            }
            if (offDiagonal <= 1e-32 * scale || offDiagonal == 0)
                break;
            for (int p = 0; p < d - 1; p++)
            {
                for (int q = p + 1; q < d; q++)
                    Rotate(a, v, d, p, q);
            }
        }
        var order = Enumerable.Range(0, d).OrderByDescending(k => a[k * d + k]).ThenBy(k => k).ToArray();
        var eigenvalues = order.Select(k => a[k * d + k]).ToArray();
        var vectors = new double[d * d];
        for (int column = 0; column < d; column++)
        {
            for (int row = 0; row < d; row++)
                vectors[row * d + column] = v[row * d + order[column]];
        }
        return (eigenvalues, vectors);
    }

    /// <summary>The rotation in the (p, q) plane that zeroes a_pq (Golub &amp; Van Loan's symmetric Schur decomposition).</summary>
    private static void Rotate(double[] a, double[] v, int d, int p, int q)
    {
        double apq = a[p * d + q];
        if (apq == 0)
            return;
        double tau = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        double t = (tau >= 0 ? 1 : -1) / (Math.Abs(tau) + Math.Sqrt(1 + tau * tau));
        double c = 1 / Math.Sqrt(1 + t * t), s = t * c;
        for (int k = 0; k < d; k++)
        {
            double akp = a[k * d + p], akq = a[k * d + q];
            a[k * d + p] = c * akp - s * akq;
            a[k * d + q] = s * akp + c * akq;
        }
        for (int k = 0; k < d; k++)
        {
            double apk = a[p * d + k], aqk = a[q * d + k];
            a[p * d + k] = c * apk - s * aqk;
            a[q * d + k] = s * apk + c * aqk;
        }
        for (int k = 0; k < d; k++)
        {
            double vkp = v[k * d + p], vkq = v[k * d + q];
            v[k * d + p] = c * vkp - s * vkq;
            v[k * d + q] = s * vkp + c * vkq;
        }
    }
}
