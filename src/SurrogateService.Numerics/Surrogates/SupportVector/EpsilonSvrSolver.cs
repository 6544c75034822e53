namespace SurrogateService.Numerics.Surrogates;

/// <summary>The dual solution of an ε-SVR: f(u) = Σ_k Coefficients[k]·K(u_k, u) + Bias.</summary>
internal sealed record SvrSolution(double[] Coefficients, double Bias, int Iterations, bool Converged, double DualObjective);

/// <summary>
/// Solves the ε-insensitive support-vector regression dual exactly (to a tolerance) by sequential minimal
/// optimisation with second-order working-set selection (Fan, Chen &amp; Lin 2005, JMLR 6, "Working set selection
/// using second order information for training support vector machines").
/// </summary>
/// <remarks>
/// The dual in 2n variables β = (α, α*) ∈ [0, C]^2n with signs s = (+1…, −1…):
/// minimise ½ βᵀHβ + pᵀβ subject to Σ s_t β_t = 0, where H_ab = s_a s_b K(a mod n, b mod n) and
/// p = (ε − y, ε + y) (Smola &amp; Schölkopf 2004, "A tutorial on support vector regression", eq. 10).
/// A step moves β_i by +s_i λ and β_j by −s_j λ, which keeps the equality; along it the objective changes by
/// λ(s_i G_i − s_j G_j) + ½λ²(K_ii + K_jj − 2K_ij), so the best λ is a one-dimensional Newton step clipped to
/// the box. The solution is optimal when max over the "up" set of −s_t G_t exceeds the min over the "down" set
/// by at most the tolerance (the KKT conditions); the bias lies between them (the mean of −s_t G_t over the free
/// variables, where the two meet).
/// </remarks>
internal static class EpsilonSvrSolver
{
    /// <summary>Curvature used when a pair's is not positive (two variables of the same point): a plain gradient step, clipped.</summary>
    private const double MinimumCurvature = 1e-12;

    /// <param name="kernel">K over the training points, n × n row-major.</param>
    public static SvrSolution Solve(double[] kernel, double[] y, double c, double epsilon, double tolerance, int maximumIterations, CancellationToken cancellationToken)
    {
        int n = y.Length, m = 2 * n;
        var beta = new double[m];
        var gradient = new double[m];
        for (int k = 0; k < n; k++)
        {
            gradient[k] = epsilon - y[k];
            gradient[k + n] = epsilon + y[k];
        }
        int iterations = 0;
        bool converged = false;
        while (iterations < maximumIterations)
        {
            if ((iterations & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var (i, j, gap) = SelectPair(kernel, n, beta, gradient, c);
            if (i < 0 || j < 0 || gap <= tolerance)
            {
                converged = true;
                break;
            }
            Step(kernel, n, beta, gradient, c, i, j);
            iterations++;
        }
        return Finish(y, n, beta, gradient, c, epsilon, iterations, converged);
    }

    private static double Sign(int t, int n) => t < n ? 1 : -1;

    private static bool CanMoveUp(int t, int n, double[] beta, double c) => t < n ? beta[t] < c : beta[t] > 0;

    private static bool CanMoveDown(int t, int n, double[] beta, double c) => t < n ? beta[t] > 0 : beta[t] < c;

    /// <summary>i maximises −s G over the up set; j, among the down set's violators, gives the largest second-order decrease.</summary>
    private static (int I, int J, double Gap) SelectPair(double[] kernel, int n, double[] beta, double[] gradient, double c)
    {
        int m = 2 * n, i = -1;
        double largest = double.NegativeInfinity;
        for (int t = 0; t < m; t++)
        {
            if (CanMoveUp(t, n, beta, c) && -Sign(t, n) * gradient[t] >= largest)
            {
                largest = -Sign(t, n) * gradient[t];
                i = t;
            }
        }
        if (i < 0)
            return (-1, -1, 0);
        int ki = i % n, j = -1;
        double smallest = double.PositiveInfinity, bestDecrease = double.PositiveInfinity;
        for (int t = 0; t < m; t++)
        {
            if (!CanMoveDown(t, n, beta, c))
                continue;
            double value = -Sign(t, n) * gradient[t];
            smallest = Math.Min(smallest, value);
            double b = largest - value;
            if (b <= 0)
                continue;
            int kt = t % n;
            double a = kernel[ki * n + ki] + kernel[kt * n + kt] - 2 * kernel[ki * n + kt];
            double decrease = -b * b / (a > 0 ? a : MinimumCurvature);
            if (decrease <= bestDecrease)
            {
                bestDecrease = decrease;
                j = t;
            }
        }
        return (i, j, largest - smallest);
    }

    private static void Step(double[] kernel, int n, double[] beta, double[] gradient, double c, int i, int j)
    {
        int ki = i % n, kj = j % n;
        double si = Sign(i, n), sj = Sign(j, n);
        double a = kernel[ki * n + ki] + kernel[kj * n + kj] - 2 * kernel[ki * n + kj];
        double b = si * gradient[i] - sj * gradient[j];
        double lambda = -b / (a > 0 ? a : MinimumCurvature);
        lambda = Math.Min(lambda, si > 0 ? c - beta[i] : beta[i]);
        lambda = Math.Min(lambda, sj > 0 ? beta[j] : c - beta[j]);
        beta[i] += si * lambda;
        beta[j] -= sj * lambda;
        // Snap to the bounds so that "at a bound" is exact for the sets above.
        beta[i] = Math.Clamp(beta[i], 0, c);
        beta[j] = Math.Clamp(beta[j], 0, c);
        var rowI = kernel.AsSpan(ki * n, n);
        var rowJ = kernel.AsSpan(kj * n, n);
        for (int k = 0; k < n; k++)
        {
            double change = lambda * (rowI[k] - rowJ[k]);
            gradient[k] += change;
            gradient[k + n] -= change;
        }
    }

    private static SvrSolution Finish(double[] y, int n, double[] beta, double[] gradient, double c, double epsilon, int iterations, bool converged)
    {
        int m = 2 * n, free = 0;
        double freeSum = 0, up = double.NegativeInfinity, down = double.PositiveInfinity;
        for (int t = 0; t < m; t++)
        {
            double value = -Sign(t, n) * gradient[t];
            if (beta[t] > 0 && beta[t] < c)
            {
                free++;
                freeSum += value;
            }
            if (CanMoveUp(t, n, beta, c))
                up = Math.Max(up, value);
            if (CanMoveDown(t, n, beta, c))
                down = Math.Min(down, value);
        }
        double bias = free > 0 ? freeSum / free : 0.5 * (up + down);
        var coefficients = new double[n];
        for (int k = 0; k < n; k++)
            coefficients[k] = beta[k] - beta[k + n];
        // Dual objective ½βᵀHβ + pᵀβ = ½ Σ β_t (G_t + p_t), since G = Hβ + p.
        double objective = 0;
        for (int k = 0; k < n; k++)
        {
            objective += 0.5 * beta[k] * (gradient[k] + epsilon - y[k]);
            objective += 0.5 * beta[k + n] * (gradient[k + n] + epsilon + y[k]);
        }
        return new SvrSolution(coefficients, bias, iterations, converged, objective);
    }
}
