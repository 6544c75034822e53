using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class CoKrigingTests
{
    private static readonly Box Unit = new([0.0], [1.0]);

    /// <summary>Forrester, Sóbester &amp; Keane (2007): high (6x − 2)²·sin(12x − 4), low 0.5·high + 10(x − 0.5) − 5.</summary>
    private static double High(double x) => (6 * x - 2) * (6 * x - 2) * Math.Sin(12 * x - 4);

    private static double Low(double x) => 0.5 * High(x) + 10 * (x - 0.5) - 5;

    private static TrainingSet Forrester(double[] highX, double[] lowX) =>
        new(Points(highX), highX.Select(High).ToArray(), Unit,
            lowFidelity: new TrainingSet(Points(lowX), lowX.Select(Low).ToArray(), Unit));

    private static readonly double[] HighX = [0, 0.4, 0.6, 1];
    private static readonly double[] LowX = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();

    [Fact]
    public void Four_high_and_eleven_low_fidelity_points_beat_kriging_on_the_four_alone_fivefold()
    {
        var data = Forrester(HighX, LowX);
        var coKriging = (CoKrigingModel)Kind.Fit(data, KrigingOptions(("kernel", "squaredExponential")));
        var highOnly = Kind.Fit(new TrainingSet(data.Points, data.Values, Unit), KrigingOptions(("kernel", "squaredExponential")));
        var test = Points(Enumerable.Range(0, 201).Select(i => i / 200.0).ToArray());

        double coError = Rmse(coKriging, test, x => High(x[0]));
        double highError = Rmse(highOnly, test, x => High(x[0]));
        Assert.True(5 * coError <= highError, $"co-Kriging {coError}, high-fidelity Kriging {highError}");
        // The true scale is 2 (high = 2·low − 20(x − 0.5) + 10): the discrepancy is then linear.
        Assert.InRange(coKriging.Scale, 1.5, 2.5);
        // With 4 high-fidelity points θ of the discrepancy is integrated out, so no warning that it is treated as known.
        Assert.DoesNotContain(CoKrigingModel.ThetaKnownWarning, coKriging.Diagnostics.Warnings);
    }

    /// <summary>
    /// The standard error with θ̂ of the discrepancy plugged in (each quadrature node of the θ-integrated one is
    /// the same formula at its θ) against a dense solve of the universal-Kriging system (Sacks, Welch, Mitchell &amp; Wynn 1989): with
    /// A = [0 Hᵀ; H K], H = [1, ŷ_low(x_i)] and b = [1, ŷ_low(v), r(v)], the discrepancy's factor is 1 − bᵀA⁻¹b
    /// and the upper-left 2×2 block of A⁻¹ is −(HᵀK⁻¹H)⁻¹, whose ρρ entry times σ²_δ is the variance of ρ.
    /// On Currin's pair (8 high- and 40 low-fidelity points), where the discrepancy is not linear in ŷ_low
    /// (on Forrester's it is, and its correlation matrix then is too ill-conditioned for a dense check).
    /// </summary>
    [Fact]
    public void The_standard_error_adds_the_uncertainty_of_rho_and_the_mean_and_vanishes_at_exact_high_fidelity_points()
    {
        var data = CoKrigingCoverageTests.Design(2, 8, 40, seed: 3, x => new CurrinHigh().Evaluate(x), x => new CurrinLow().Evaluate(x));
        var coKriging = (CoKrigingModel)Kind.Fit(data, KrigingOptions(("kernel", "matern52")));
        var atHigh = StandardErrors(coKriging, data.Points);
        var between = PointSet.FromRows([[0.25, 0.6], [0.8, 0.1]]);
        var low = StandardErrors(coKriging.Low, between);
        var combined = new double[2];
        coKriging.PlugInStandardError(between, low, combined);
        var ordinary = StandardErrors(coKriging.Discrepancy, between);
        // With θ integrated out as well: every node interpolates the high-fidelity values.
        Assert.All(atHigh, s => Assert.True(s < 1e-3 * (1 + combined.Max()), $"{s}"));

        int n = data.Count;
        double variance = coKriging.Discrepancy.ProcessVariance * n / (n - 2);
        var lowAtHigh = Predict(coKriging.Low, data.Points);
        var lowBetween = Predict(coKriging.Low, between);
        for (int k = 0; k < 2; k++)
        {
            var correlation = new KrigingCorrelation(coKriging.Discrepancy.Shape, coKriging.Discrepancy.Theta.ToArray(), coKriging.Discrepancy.P.ToArray())
                .Matrix(PointSet.FromRows([.. Enumerable.Range(0, n).Select(i => data.Points[i].ToArray()), between[k].ToArray()]));
            var bordered = new double[n + 2, n + 2];
            var rightHandSide = new double[n + 2];
            (rightHandSide[0], rightHandSide[1]) = (1, lowBetween[k]);
            for (int i = 0; i < n; i++)
            {
                (bordered[0, i + 2], bordered[i + 2, 0], bordered[1, i + 2], bordered[i + 2, 1]) = (1, 1, lowAtHigh[i], lowAtHigh[i]);
                for (int j = 0; j < n; j++)
                    bordered[i + 2, j + 2] = correlation[i * (n + 1) + j] + (i == j ? coKriging.Discrepancy.Nugget : 0);
                rightHandSide[i + 2] = correlation[i * (n + 1) + n];
            }
            var inverse = Invert(bordered);
            double quadratic = 0;
            for (int i = 0; i < n + 2; i++)
            {
                for (int j = 0; j < n + 2; j++)
                    quadratic += rightHandSide[i] * inverse[i, j] * rightHandSide[j];
            }
            double scaleVariance = -variance * inverse[1, 1];
            double expected = Math.Sqrt((coKriging.Scale * coKriging.Scale + scaleVariance) * low[k] * low[k] + variance * (1 - quadratic));
            Assert.Equal(expected, combined[k], 1e-9 * expected);
            // Larger than the recursive form's ρ²·s²_low + s²_δ, which treats ρ and the mean as known.
            Assert.True(combined[k] > Math.Sqrt(Math.Pow(coKriging.Scale * low[k], 2) + ordinary[k] * ordinary[k]));
        }
    }

    /// <summary>Gauss–Jordan elimination with partial pivoting: a small dense inverse, independent of the service's Cholesky.</summary>
    private static double[,] Invert(double[,] matrix)
    {
        int size = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[size, size];
        for (int i = 0; i < size; i++)
            inverse[i, i] = 1;
        for (int column = 0; column < size; column++)
        {
            int pivot = Enumerable.Range(column, size - column).MaxBy(row => Math.Abs(a[row, column]));
            for (int j = 0; j < size; j++)
            {
                (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
                (inverse[column, j], inverse[pivot, j]) = (inverse[pivot, j], inverse[column, j]);
            }
            double diagonal = a[column, column];
            for (int j = 0; j < size; j++)
            {
                a[column, j] /= diagonal;
                inverse[column, j] /= diagonal;
            }
            for (int row = 0; row < size; row++)
            {
                if (row == column)
                    continue;
                double factor = a[row, column];
                for (int j = 0; j < size; j++)
                {
                    a[row, j] -= factor * a[column, j];
                    inverse[row, j] -= factor * inverse[column, j];
                }
            }
        }
        return inverse;
    }

    [Fact]
    public void A_restored_co_kriging_model_predicts_bit_for_bit()
    {
        var data = Forrester([0, 0.3, 0.55, 0.7, 1], LowX);
        var options = KrigingOptions(("kernel", "matern32"), ("noise", "fit"));
        var fitted = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, fitted.ExportParameters());
        var test = Points(Enumerable.Range(0, 50).Select(i => i / 49.0).ToArray());
        Assert.Equal(Predict(fitted, test), Predict(restored, test));
        Assert.Equal(StandardErrors(fitted, test), StandardErrors(restored, test));
        Assert.Contains("low.theta", fitted.ExportParameters().Keys);
    }

    [Fact]
    public void Errors_in_the_low_fidelity_data_name_it()
    {
        var data = Forrester(HighX, [0.5]);
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions()));
        Assert.Equal("lowFidelity.points", error.Field);

        var parameters = new Dictionary<string, double[]>(Kind.Fit(Forrester(HighX, LowX), KrigingOptions()).ExportParameters());
        parameters.Remove("rho");
        var missing = Assert.Throws<SurrogateFitException>(() => Kind.Restore(Forrester(HighX, LowX), KrigingOptions(), parameters));
        Assert.Equal("parameters.rho", missing.Field);
    }

    private static PointSet Points(double[] xs) => new(xs, xs.Length, 1);
}
