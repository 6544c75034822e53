using System.Globalization;

namespace SurrogateService.Numerics.Surrogates;

public sealed partial class KrigingModel
{
    /// <summary>
    /// Rounding error at the training points, relative to the spread of the values, above which the fit warns:
    /// a ten-thousandth of the spread is below a good surrogate's own error (borehole's RMSE at 1 000 points is
    /// 7e-4 of it) and far above what a sound solve leaves (2e-5 there at cond(K) ≈ 1e16, measured).
    /// </summary>
    /// <remarks>
    /// A fit does not raise its jitter instead: θ is the likelihood's optimum at the search's jitter, and a larger
    /// one at the same θ costs far more accuracy than rounding does (borehole, 1 000 points: ν = 2.2e-15 → 2.2e-10
    /// cut the rounding error from 2e-5 to 4e-7 of the spread and raised the RMSE from 0.029 to 0.081, measured).
    /// </remarks>
    internal const double RoundingTolerance = 1e-4;

    /// <summary>
    /// max_i |y_i − ŷ(x_i) − (K_ii − 1)·b_i| / spread(y): what rounding, not the nugget or the noise, changed
    /// in the model's values at its own training points. In exact arithmetic K·b = y − μ1 makes it 0; a
    /// Cholesky solve is backward stable, so the computed b keeps it at the level of ε·Σ_j|K_ij·b_j|, which is
    /// large exactly when an ill-conditioned K gave huge, cancelling weights: the case in which the condition
    /// number alone cannot tell whether predictions lost their digits. O(n²·d), one batch of predictions.
    /// </summary>
    internal double RoundingError { get; }

    private double MeasureRoundingError(ReadOnlySpan<double> diagonal)
    {
        int n = Data.Count;
        var predicted = new double[n];
        PredictSequentially(Data.Points, predicted);
        double mean = 0;
        foreach (double y in Data.Values)
            mean += y / n;
        double spread = 0, largest = 0;
        for (int i = 0; i < n; i++)
        {
            spread += (Data.Values[i] - mean) * (Data.Values[i] - mean) / n;
            largest = Math.Max(largest, Math.Abs(Data.Values[i] - predicted[i] - (diagonal[i] - 1) * _weights[i]));
        }
        // Constant values: relative to their size (or absolute for zeros).
        double scale = spread > 0 ? Math.Sqrt(spread) : Math.Max(Math.Abs(mean), 1);
        return largest / scale;
    }

    private string[] RoundingWarnings() => RoundingError > RoundingTolerance
        ? [string.Create(CultureInfo.InvariantCulture,
            $"Rounding changed the model's values at its training points by up to {RoundingError:G2} of the values' spread (tolerance {RoundingTolerance:G}): the correlation matrix is too ill-conditioned for its nugget {Nugget:G3}, and predictions carry rounding errors of that order. A larger 'nugget' option, or noise, avoids them.")]
        : [];
}
