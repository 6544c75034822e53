using MathNet.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

/// <summary>Random test matrices with a prescribed spectrum, built with MathNet.Numerics.</summary>
internal static class MathNetProblems
{
    public static Matrix<double> Gaussian(int rows, int columns, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextGaussian());
    }

    /// <summary>A random orthogonal n×n matrix: the Q of a Gaussian matrix.</summary>
    public static Matrix<double> Orthogonal(int n, ulong seed) => Gaussian(n, n, seed).QR().Q;

    /// <summary>Q·diag(λ)·Qᵀ with λ spread log-uniformly from 1 down to 1/<paramref name="condition"/>.</summary>
    public static Matrix<double> SymmetricPositiveDefinite(int n, double condition, ulong seed)
    {
        var q = Orthogonal(n, seed);
        var lambda = Vector<double>.Build.Dense(n, i => Math.Pow(condition, -(double)i / Math.Max(1, n - 1)));
        var spd = q * Matrix<double>.Build.DenseOfDiagonalVector(lambda) * q.Transpose();
        return (spd + spd.Transpose()) / 2;
    }

    /// <summary>U·diag(σ)·Vᵀ with singular values from 1 down to 1/<paramref name="condition"/>.</summary>
    public static Matrix<double> General(int n, double condition, ulong seed)
    {
        var sigma = Vector<double>.Build.Dense(n, i => Math.Pow(condition, -(double)i / Math.Max(1, n - 1)));
        return Orthogonal(n, seed) * Matrix<double>.Build.DenseOfDiagonalVector(sigma) * Orthogonal(n, seed + 1000).Transpose();
    }

    /// <summary>A Gaussian-kernel correlation matrix of random points: Kriging's own, notoriously ill conditioned.</summary>
    public static Matrix<double> GaussianCorrelation(int n, int dimension, double theta, ulong seed)
    {
        var points = Gaussian(n, dimension, seed);
        return Matrix<double>.Build.Dense(n, n, (i, j) => Math.Exp(-theta * (points.Row(i) - points.Row(j)).DotProduct(points.Row(i) - points.Row(j))));
    }

    public static double RelativeDifference(Vector<double> actual, Vector<double> expected) =>
        (actual - expected).L2Norm() / expected.L2Norm();
}
