using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SurrogateService.Numerics.LinearAlgebra;
using static SurrogateService.Numerics.Tests.LinearAlgebra.MathNetProblems;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

/// <summary>
/// Our factorisations against MathNet.Numerics' on random well- and ill-conditioned problems. The
/// tolerances scale with the condition number κ, as backward-stable algorithms' forward errors do:
/// both answers lie within about κ·ε of the truth, so they lie within that of each other.
/// </summary>
public class MathNetOracleTests
{
    private const double Epsilon = 2.2e-16;

    public static TheoryData<int, double> Conditions => new()
    {
        { 5, 10 }, { 40, 1e3 }, { 120, 1e3 }, { 60, 1e8 }, { 200, 1e10 },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Cholesky_factor_solve_and_determinant_match_MathNet(int n, double condition)
    {
        var a = SymmetricPositiveDefinite(n, condition, seed: (ulong)n);
        var b = Gaussian(n, 1, seed: 7).Column(0);
        var theirs = a.Cholesky();

        var ours = Cholesky.Factor(a.ToRowMajorArray(), n);
        var x = b.ToArray();
        ours.Solve(x);

        var lower = Matrix<double>.Build.DenseOfRowMajor(n, n, ours.Lower.ToArray());
        Assert.True((lower - theirs.Factor).FrobeniusNorm() <= 1e3 * n * Epsilon * Math.Sqrt(condition) * theirs.Factor.FrobeniusNorm());
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(x), theirs.Solve(b)) <= 10 * n * Epsilon * condition);
        Assert.Equal(theirs.DeterminantLn, ours.LogDeterminant(), 1e-9 * Math.Max(1, Math.Abs(theirs.DeterminantLn)));
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Cholesky_inverse_matches_MathNet(int n, double condition)
    {
        var a = SymmetricPositiveDefinite(n, condition, seed: (ulong)n + 1);
        var theirs = a.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));

        var inverse = new double[n * n];
        Cholesky.Factor(a.ToRowMajorArray(), n).Inverse(inverse);
        var ours = Matrix<double>.Build.DenseOfRowMajor(n, n, inverse);
        var diagonal = new double[n];
        Cholesky.Factor(a.ToRowMajorArray(), n).InverseDiagonal(diagonal);

        double tolerance = 10 * n * Epsilon * condition;
        Assert.True((ours - theirs).FrobeniusNorm() <= tolerance * theirs.FrobeniusNorm());
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(diagonal), theirs.Diagonal()) <= tolerance);
    }

    [Theory]
    [InlineData(30, 0.5)]
    [InlineData(80, 2.0)]
    public void Cholesky_of_a_Kriging_correlation_matrix_matches_MathNet(int n, double theta)
    {
        // A nugget of 1e-8 keeps the matrix numerically definite, as the Kriging fit does.
        var r = GaussianCorrelation(n, 2, theta, seed: 3) + 1e-8 * Matrix<double>.Build.DenseIdentity(n);
        double condition = r.ConditionNumber();
        var y = Gaussian(n, 1, seed: 4).Column(0);

        var x = y.ToArray();
        var ours = Cholesky.Factor(r.ToRowMajorArray(), n);
        ours.Solve(x);

        Assert.True(condition > 1e4, $"κ = {condition:E1}: the case is meant to be ill conditioned");
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(x), r.Cholesky().Solve(y)) <= 10 * n * Epsilon * condition);
        Assert.Equal(r.Cholesky().DeterminantLn, ours.LogDeterminant(), 1e-6 * n);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Lu_solves_inverse_diagonal_and_condition_estimate_match_MathNet(int n, double condition)
    {
        var a = General(n, condition, seed: (ulong)n + 2);
        var b = Gaussian(n, 1, seed: 9).Column(0);
        var theirs = a.LU();
        var theirInverse = theirs.Inverse();
        double exactCondition = a.L1Norm() * theirInverse.L1Norm();

        var ours = new LuDecomposition(a.ToRowMajorArray(), n);
        var x = new double[n];
        ours.Solve(b.ToArray(), x);
        var xt = new double[n];
        ours.SolveTransposed(b.ToArray(), xt);
        var diagonal = ours.InverseDiagonal(n);
        double estimate = ours.EstimateConditionNumber();

        double tolerance = 10 * n * Epsilon * condition;
        Assert.False(ours.IsSingular);
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(x), theirs.Solve(b)) <= tolerance);
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(xt), a.Transpose().LU().Solve(b)) <= tolerance);
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(diagonal), theirInverse.Diagonal()) <= tolerance * Math.Sqrt(n));
        // Hager–Higham gives a lower bound on κ₁, rarely off by more than a small factor.
        Assert.InRange(estimate, exactCondition / 10, exactCondition * (1 + 1e-6));
    }

    [Fact]
    public void Lu_calls_singular_what_MathNet_calls_rank_deficient()
    {
        var a = Gaussian(6, 6, seed: 11);
        a.SetColumn(4, a.Column(1) - 2 * a.Column(3));

        Assert.Equal(5, a.Rank());
        Assert.True(new LuDecomposition(a.ToRowMajorArray(), 6).EstimateConditionNumber() > 1e12);
    }

    [Theory]
    [InlineData(20, 3, 1.0)]
    [InlineData(60, 8, 1e4)]
    [InlineData(200, 15, 1e7)]
    public void Qr_least_squares_and_leverages_match_MathNet(int rows, int columns, double columnScaleSpread)
    {
        // Columns scaled over several decades: badly scaled, as polynomial design matrices are.
        var a = Gaussian(rows, columns, seed: (ulong)rows);
        for (int j = 0; j < columns; j++)
            a.SetColumn(j, a.Column(j) * Math.Pow(columnScaleSpread, -(double)j / Math.Max(1, columns - 1)));
        var b = Gaussian(rows, 1, seed: 13).Column(0);
        var theirs = a.QR(QRMethod.Thin);
        var q = theirs.Q;

        var ours = new QrDecomposition(a.ToRowMajorArray(), rows, columns);
        var x = ours.LeastSquares(b.ToArray());
        var leverages = ours.Leverages();

        double condition = a.ConditionNumber();
        Assert.True(ours.IsFullRank);
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(x), theirs.Solve(b)) <= 100 * rows * Epsilon * condition);
        var theirLeverages = Vector<double>.Build.Dense(rows, i => q.Row(i).DotProduct(q.Row(i)));
        Assert.True(RelativeDifference(Vector<double>.Build.DenseOfArray(leverages), theirLeverages) <= 1e-10);
    }

    [Fact]
    public void Qr_finds_the_first_dependent_column_where_MathNet_s_rank_drops()
    {
        var a = Gaussian(30, 6, seed: 17);
        a.SetColumn(3, 0.5 * a.Column(0) + 3 * a.Column(2));

        var ours = new QrDecomposition(a.ToRowMajorArray(), 30, 6);

        Assert.Equal(3, a.SubMatrix(0, 30, 0, 3).Rank());
        Assert.Equal(3, a.SubMatrix(0, 30, 0, 4).Rank());
        Assert.Equal(3, ours.FirstDependentColumn);
    }

    [Theory]
    [InlineData(20, 0.5)]
    [InlineData(60, 2.0)]
    [InlineData(150, 0.1)]
    public void Eigenvalue_bounds_bracket_MathNet_s_eigenvalues(int n, double theta)
    {
        var r = GaussianCorrelation(n, 3, theta, seed: (ulong)n) + 1e-6 * Matrix<double>.Build.DenseIdentity(n);
        var eigenvalues = r.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        double largest = eigenvalues.Max(), smallest = eigenvalues.Min();

        double upper = SymmetricEigenvalueEstimates.LargestUpperBound(r.ToRowMajorArray(), n);
        double small = SymmetricEigenvalueEstimates.SmallestEstimate(Cholesky.Factor(r.ToRowMajorArray(), n));

        // The largest: an upper bound, tight to its 1e-3 tolerance. The smallest: a Rayleigh
        // quotient, so never below λmin (up to rounding of the order ε·λmax).
        Assert.InRange(upper, largest * (1 - 1e-12), largest * (1 + 2e-3));
        Assert.InRange(small, smallest - 1e-12 * largest, smallest * 1.01 + 1e-12 * largest);
    }
}
