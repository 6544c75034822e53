using BenchmarkDotNet.Attributes;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Benchmarks;

/// <summary>
/// The kernel of Kriging's standard errors: L⁻¹ applied to a block of 64 right-hand sides (the
/// correlations of 64 query points with n training points), by the blocked solve against one
/// forward substitution per right-hand side (the per-point solve). One thread; the Ratio column is
/// the blocked solve's time over the per-point solves'.
/// </summary>
/// <remarks>
/// OperationsPerInvoke makes Mean the time per right-hand side: n²/2 multiply-adds either way, so
/// n²/2 over Mean is the multiply-add rate. Each invocation first copies the block back (n·64
/// doubles, a small part of the n²·32 multiply-adds).
/// </remarks>
public class TriangularSolveBenchmarks
{
    private const int Columns = 64;

    private Cholesky _factor = null!;
    private double[] _block = null!;
    private double[] _work = null!;
    private double[] _column = null!;

    [Params(500, 2000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A = B·Bᵀ/n + I with Gaussian B: well conditioned.
        var random = new DeterministicRandom(7);
        var b = Enumerable.Range(0, N * N).Select(_ => random.NextGaussian()).ToArray();
        var a = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = VectorKernels.Dot(b.AsSpan(i * N, N), b.AsSpan(j * N, N)) / N;
                a[i * N + j] = a[j * N + i] = i == j ? sum + 1 : sum;
            }
        }
        _factor = Cholesky.Factor(a, N);
        _block = Enumerable.Range(0, N * Columns).Select(_ => random.NextGaussian()).ToArray();
        _work = new double[N * Columns];
        _column = new double[N];
    }

    [Benchmark(OperationsPerInvoke = Columns)]
    public double Blocked()
    {
        _block.CopyTo(_work, 0);
        _factor.ForwardSubstitute(_work, Columns);
        return _work[^1];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Columns)]
    public double PerPoint()
    {
        double last = 0;
        for (int c = 0; c < Columns; c++)
        {
            for (int i = 0; i < N; i++)
                _column[i] = _block[i * Columns + c];
            _factor.ForwardSubstitute(_column);
            last += _column[^1];
        }
        return last;
    }
}
