namespace SurrogateService.Numerics.Surrogates;

/// <summary>Wendland's φ(r) = (1 − r)^(ℓ+1)·((ℓ + 1)·r + 1), r = ε·distance, ℓ = ⌊d/2⌋ + 2.</summary>
internal sealed class WendlandFunction
{
    private readonly double _eps;
    private readonly int _ell;

    public WendlandFunction(int dimension, double eps)
    {
        _eps = eps;
        _ell = dimension / 2 + 2;
    }

    /// <summary>φ between two points; zero beyond the support radius 1/ε without taking a square root.</summary>
    public double Evaluate(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double squared = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double difference = a[j] - b[j];
            squared += difference * difference;
        }
        double r2 = _eps * _eps * squared;
        if (r2 >= 1)
            return 0;
        double r = Math.Sqrt(r2);
        return Math.Pow(1 - r, _ell + 1) * ((_ell + 1) * r + 1);
    }
}
