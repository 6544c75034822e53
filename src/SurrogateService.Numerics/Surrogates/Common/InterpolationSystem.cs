using System.Globalization;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>The solution of an interpolation system and what its factorisation says about the fit.</summary>
internal sealed record InterpolationResult(double[] Solution, double ConditionNumber, double? LeaveOneOutRmse);

/// <summary>
/// Solves the square systems of the interpolating kinds (radial basis, Lobachevsky, Wendland) by
/// LU and derives their diagnostics from the same factorisation.
/// </summary>
internal static class InterpolationSystem
{
    /// <summary>
    /// Rippa's leave-one-out needs n extra solves (O(n³), as much as the fit itself); above this many
    /// points it is skipped so that large fits stay fast.
    /// </summary>
    public const int LeaveOneOutLimit = 1000;

    /// <summary>Beyond this condition number, rounding may cost more than half the digits.</summary>
    public const double IllConditioned = 1e12;

    /// <param name="matrix">Row-major, size × size.</param>
    /// <param name="dataCount">The first unknowns are the coefficients of the data points (the rest a polynomial tail).</param>
    /// <param name="remedy">What the client can do about a singular or ill-conditioned system.</param>
    /// <param name="warnings">Receives warnings about the fit.</param>
    public static InterpolationResult Solve(
        double[] matrix, int size, double[] rhs, int dataCount, string remedy, List<string> warnings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lu = new LuDecomposition(matrix, size);
        if (lu.IsSingular)
            throw new SurrogateFitException($"The interpolation system is singular. {remedy}");
        var solution = new double[size];
        lu.Solve(rhs, solution);
        if (!solution.All(double.IsFinite))
            throw new SurrogateFitException($"The interpolation system could not be solved in floating point. {remedy}");

        double condition = lu.EstimateConditionNumber();
        if (!(condition <= IllConditioned))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The interpolation system is ill-conditioned (1-norm condition number about {condition:E1}); predictions may carry rounding error. {remedy}"));
        }
        return new InterpolationResult(solution, condition, LeaveOneOutRmse(lu, solution, dataCount, warnings, cancellationToken));
    }

    /// <summary>
    /// Rippa (1999): the error at point i of the interpolant fitted without point i is
    /// c_i / (A⁻¹)_ii. It holds for the augmented system with a polynomial tail and with smoothing
    /// on the diagonal too, because the diagonal entry never enters the prediction at x_i of the
    /// model that leaves point i out.
    /// </summary>
    private static double? LeaveOneOutRmse(
        LuDecomposition lu, double[] solution, int dataCount, List<string> warnings, CancellationToken cancellationToken)
    {
        if (dataCount > LeaveOneOutLimit)
        {
            warnings.Add($"The leave-one-out error is not computed above {LeaveOneOutLimit} training points.");
            return null;
        }
        var inverseDiagonal = lu.InverseDiagonal(dataCount, cancellationToken);
        double sum = 0;
        for (int i = 0; i < dataCount; i++)
        {
            double error = solution[i] / inverseDiagonal[i];
            sum += error * error;
        }
        double rmse = Math.Sqrt(sum / dataCount);
        return double.IsFinite(rmse) ? rmse : null;
    }
}
