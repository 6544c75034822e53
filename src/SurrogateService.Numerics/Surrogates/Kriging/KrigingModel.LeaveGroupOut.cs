using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

public sealed partial class KrigingModel
{
    /// <summary>
    /// Leave-one-out over groups of training points: group g is point g with every later point that
    /// <paramref name="groupOf"/> assigns to it, and is left out whole. GEKPLS's Taylor points sit 1e-4 of the box from
    /// the point they come from, so leaving the point out alone would predict it from its neighbour and report a
    /// vanishing error; leaving the group out predicts it from the other points, as a new point would be.
    /// With Q = K⁻¹ − K⁻¹11ᵀK⁻¹/1ᵀK⁻¹1 and b = Q·y, the errors at the left-out rows are e_I = (Q_II)⁻¹·b_I and their
    /// covariance σ²·(Q_II)⁻¹ (the block form of Dubrule's 1983 identity that <see cref="LeaveOneOut"/> uses); the
    /// error and its standardised value are taken at each group's own point.
    /// </summary>
    internal (double Rmse, double StandardisedMean, double StandardisedSpread) LeaveGroupOut(int[] groupOf, int groups)
    {
        int n = Data.Count;
        var inverseTimesOnes = (double[])_whitenedOnes.Clone();
        _factor.BackSubstitute(inverseTimesOnes);
        var members = new List<int>[groups];
        for (int row = 0; row < n; row++)
            (members[groupOf[row]] ??= []).Add(row);
        double sumOfSquares = 0, sumOfStandardised = 0, sumOfStandardisedSquares = 0;
        for (int g = 0; g < groups; g++)
        {
            var rows = members[g];
            int size = rows.Count;
            // Columns of L⁻¹ for the group's rows: K⁻¹_jk = (L⁻¹e_j)·(L⁻¹e_k).
            var whitened = new double[size][];
            for (int a = 0; a < size; a++)
            {
                whitened[a] = new double[n];
                whitened[a][rows[a]] = 1;
                _factor.ForwardSubstitute(whitened[a]);
            }
            var block = new double[size * size];
            var residual = new double[size];
            for (int a = 0; a < size; a++)
            {
                residual[a] = _weights[rows[a]];
                for (int c = 0; c <= a; c++)
                {
                    double q = VectorKernels.Dot(whitened[a], whitened[c]) - inverseTimesOnes[rows[a]] * inverseTimesOnes[rows[c]] / _onesPrecision;
                    block[a * size + c] = block[c * size + a] = q;
                }
            }
            if (!Cholesky.TryFactor(block, size, out var blockFactor))
                return (double.NaN, double.NaN, double.NaN);
            var unit = new double[size];
            unit[0] = 1;
            blockFactor.Solve(residual);
            blockFactor.Solve(unit);
            double error = residual[0], standardised = error / Math.Sqrt(ProcessVariance * unit[0]);
            sumOfSquares += error * error;
            sumOfStandardised += standardised;
            sumOfStandardisedSquares += standardised * standardised;
        }
        double mean = sumOfStandardised / groups;
        double spread = Math.Sqrt(Math.Max(sumOfStandardisedSquares / groups - mean * mean, 0));
        return (Math.Sqrt(sumOfSquares / groups), mean, spread);
    }
}
