using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MathNet.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Benchmarks;

/// <summary>
/// Our dense Cholesky kernels against MathNet.Numerics' (managed provider: no native provider is
/// served for linux-x64) on the Kriging hot path's operations: factor a symmetric positive
/// definite matrix, invert it from the factor, solve one right-hand side with the factor. The
/// Ratio column is MathNet's time over ours for the same operation and size.
/// </summary>
/// <remarks>
/// Both factorisations include a copy of the matrix (MathNet's copies internally, ours works in
/// place). MathNet's inverse is its Cholesky solve against the identity, the same n³/3 algorithm
/// class as ours. Ours runs the inverse panels on all cores from n = 384; MathNet's managed
/// provider parallelises as it sees fit.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DenseLinearAlgebraBenchmarks
{
    private double[] _matrix = null!;
    private double[] _work = null!;
    private double[] _rhs = null!;
    private Cholesky _ours = null!;
    private Matrix<double> _mathNetMatrix = null!;
    private MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> _mathNet = null!;
    private Matrix<double> _identity = null!;
    private Vector<double> _mathNetRhs = null!;

    [Params(80, 500, 1000, 2000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A = B·Bᵀ/n + I with Gaussian B: well conditioned, so both libraries take the same path.
        var random = new DeterministicRandom(42);
        var b = Matrix<double>.Build.Dense(N, N, (_, _) => random.NextGaussian());
        _mathNetMatrix = b * b.Transpose() / N + Matrix<double>.Build.DenseIdentity(N);
        _matrix = _mathNetMatrix.ToRowMajorArray();
        _work = new double[N * N];
        _rhs = Enumerable.Range(0, N).Select(i => Math.Sin(i)).ToArray();
        _ours = Cholesky.Factor((double[])_matrix.Clone(), N);
        _mathNet = _mathNetMatrix.Cholesky();
        _identity = Matrix<double>.Build.DenseIdentity(N);
        _mathNetRhs = Vector<double>.Build.DenseOfArray(_rhs);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Factor")]
    public Cholesky FactorOurs()
    {
        Array.Copy(_matrix, _work, _matrix.Length);
        return Cholesky.Factor(_work, N);
    }

    [Benchmark, BenchmarkCategory("Factor")]
    public object FactorMathNet() => _mathNetMatrix.Cholesky();

    [Benchmark(Baseline = true), BenchmarkCategory("Inverse")]
    public double[] InverseOurs()
    {
        _ours.Inverse(_work);
        return _work;
    }

    [Benchmark, BenchmarkCategory("Inverse")]
    public Matrix<double> InverseMathNet() => _mathNet.Solve(_identity);

    [Benchmark(Baseline = true), BenchmarkCategory("Solve")]
    public double[] SolveOurs()
    {
        var x = (double[])_rhs.Clone();
        _ours.Solve(x);
        return x;
    }

    [Benchmark, BenchmarkCategory("Solve")]
    public Vector<double> SolveMathNet() => _mathNet.Solve(_mathNetRhs);
}
