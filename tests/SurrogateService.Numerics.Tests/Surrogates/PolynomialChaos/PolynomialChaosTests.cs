using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.PolynomialChaos;

public class PolynomialChaosTests
{
    private static readonly ISurrogateKind Kind = SurrogateKinds.Find("polynomialChaos")!;

    private static readonly Box Box3 = new([-1, 0, -2], [2, 3, 2]);

    // A cubic in three inputs: a chaos basis of degree 3 holds it exactly.
    private static double Cubic(double[] x) => 1 + 2 * x[0] - x[1] * x[1] * x[2] + 0.5 * Math.Pow(x[0], 3) - x[0] * x[2];

    [Fact]
    public void Polynomial_data_are_reproduced_exactly()
    {
        var data = Random(60, Box3, Cubic, seed: 1);
        var model = (PolynomialChaosModel)Kind.Fit(data, OptionsOf(Kind));

        var queries = Random(200, Box3, _ => 0, seed: 2).Points;
        var predicted = Predict(model, queries);
        for (int i = 0; i < queries.Count; i++)
            Assert.Equal(Cubic(queries[i].ToArray()), predicted[i], 1e-9);
        Assert.Equal(3, model.Diagnostics.PolynomialChaos!.Degree);
        Assert.True(model.Diagnostics.LeaveOneOutRmse < 1e-9);
        // The cubic has at most 20 chaos terms (the full degree-3 basis in 3 inputs).
        Assert.InRange(model.TermCount, 1, 20);
        Assert.Empty(model.Diagnostics.Warnings);
    }

    [Fact]
    public void Mean_and_variance_of_a_polynomial_are_exact()
    {
        // y = x1² + x2 on [0, 1]²: E = 1/3 + 1/2; Var(x1²) = 1/5 − 1/9 = 4/45, Var(x2) = 1/12, independent.
        var box = new Box([0, 0], [1, 1]);
        var data = Random(30, box, x => x[0] * x[0] + x[1], seed: 3);
        var model = (PolynomialChaosModel)Kind.Fit(data, OptionsOf(Kind));
        Assert.Equal(1.0 / 3 + 0.5, model.Mean, 1e-12);
        Assert.Equal(4.0 / 45 + 1.0 / 12, model.Variance, 1e-12);
        Assert.Equal(model.Mean, model.Diagnostics.PolynomialChaos!.Mean);
        Assert.Equal(model.Variance, model.Diagnostics.PolynomialChaos.Variance);
    }

    [Fact]
    public void Integrals_over_any_box_are_exact()
    {
        var model = (PolynomialChaosModel)Kind.Fit(Random(60, Box3, Cubic, seed: 13), OptionsOf(Kind));
        var volume = 3.0 * 3 * 4;
        Assert.Equal(model.Mean * volume, model.Integrate(Box3), 1e-9);
        // Over a box reaching past the training box: the cubic integrated term by term, with
        // m1, m2, m3 the means of x, x², x³ over each interval.
        var box = new Box([-0.5, 1, -3], [2.5, 2, 1]);
        double M(int j, int power) => (Math.Pow(box.Upper[j], power + 1) - Math.Pow(box.Lower[j], power + 1)) / ((power + 1) * (box.Upper[j] - box.Lower[j]));
        double expected = 3 * 1 * 4 * (1 + 2 * M(0, 1) - M(1, 2) * M(2, 1) + 0.5 * M(0, 3) - M(0, 1) * M(2, 1));
        Assert.Equal(expected, SurrogateIntegration.Integrate(model, box, 64, 0).Value, 1e-9 * Math.Abs(expected));
        Assert.Equal(SurrogateIntegration.ExactMethod, SurrogateIntegration.Integrate(model, box, 64, 0).Method);
    }

    [Fact]
    public void The_path_errors_equal_brute_force_leave_one_out_with_the_correction_factor()
    {
        var data = Random(25, Box3, x => Math.Sin(x[0]) * Math.Exp(x[1] / 3) + x[2] * x[2], seed: 4);
        var multiIndices = MultiIndexSet.Create(3, 3, 1, int.MaxValue)!;
        var basis = new ChaosBasis(multiIndices, Box3);
        var design = basis.DesignColumns(data.Points);
        var path = LeastAngleRegressionPath.Run(design, data.Count, basis.Count, data.Values, CancellationToken.None);

        Assert.Equal(0, path.Order[0]);
        Assert.True(path.Order.Length >= 10);
        int n = data.Count;
        double mean = data.Values.Average();
        double variance = data.Values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        for (int k = 1; k <= path.Order.Length; k++)
        {
            var columns = path.Order.Take(k).ToArray();
            double press = 0;
            for (int i = 0; i < n; i++)
            {
                var rows = Enumerable.Range(0, n).Where(r => r != i).ToArray();
                var coefficients = new QrDecomposition(Rows(design, n, rows, columns), n - 1, k).LeastSquares(rows.Select(r => data.Values[r]).ToArray());
                double prediction = columns.Select((c, m) => coefficients[m] * design[c * n + i]).Sum();
                press += Math.Pow(data.Values[i] - prediction, 2);
            }
            // T = n/(n − P)·(1 + tr((ΨᵀΨ)⁻¹)) (Blatman & Sudret 2011, after Chapelle et al. 2002).
            var gram = new double[k * k];
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                    gram[a * k + b] = Enumerable.Range(0, n).Sum(i => design[columns[a] * n + i] * design[columns[b] * n + i]);
            }
            var inverseDiagonal = new double[k];
            Cholesky.Factor(gram, k).InverseDiagonal(inverseDiagonal);
            double correction = n / (double)(n - k) * (1 + inverseDiagonal.Sum());
            double expected = press / n / variance * correction;
            Assert.Equal(expected, path.Errors[k - 1], expected * 1e-8);
        }
    }

    [Fact]
    public void The_reported_leave_one_out_rmse_equals_refitting_the_chosen_terms_without_each_point()
    {
        var data = Random(40, Box3, x => Math.Cos(x[0] + x[1]) + 0.3 * x[2], seed: 5);
        var model = (PolynomialChaosModel)Kind.Fit(data, OptionsOf(Kind, ("maxDegree", 5)));
        int n = data.Count, p = model.TermCount;
        var basis = new ChaosBasis(Enumerable.Range(0, p * 3).Select(e => model.Degree(e / 3, e % 3)).ToArray(), Box3);
        var design = basis.DesignColumns(data.Points);
        var all = Enumerable.Range(0, p).ToArray();
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            var rows = Enumerable.Range(0, n).Where(r => r != i).ToArray();
            var coefficients = new QrDecomposition(Rows(design, n, rows, all), n - 1, p).LeastSquares(rows.Select(r => data.Values[r]).ToArray());
            double prediction = all.Sum(c => coefficients[c] * design[c * n + i]);
            sum += Math.Pow(data.Values[i] - prediction, 2);
        }
        Assert.Equal(Math.Sqrt(sum / n), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-10);
    }

    [Fact]
    public void Gradients_match_central_finite_differences()
    {
        var data = Random(80, Box3, x => Math.Sin(x[0]) * x[1] + Math.Exp(0.3 * x[2]) * x[0], seed: 6);
        var model = (PolynomialChaosModel)Kind.Fit(data, OptionsOf(Kind, ("maxDegree", 6)));
        var points = Random(10, Box3, _ => 0, seed: 7).Points;
        var gradients = new double[points.Count * 3];
        model.Gradient(points, gradients);
        const double h = 1e-5;
        for (int i = 0; i < points.Count; i++)
        {
            for (int l = 0; l < 3; l++)
            {
                var plus = points[i].ToArray();
                var minus = points[i].ToArray();
                plus[l] += h;
                minus[l] -= h;
                double difference = (Predict(model, plus) - Predict(model, minus)) / (2 * h);
                Assert.Equal(difference, gradients[i * 3 + l], 1e-6 * Math.Max(1, Math.Abs(difference)));
            }
        }
        Assert.Throws<ArgumentException>(() => model.Gradient(points, new double[5]));
    }

    [Fact]
    public void Restoring_checks_the_multi_indices()
    {
        var data = Random(30, Box3, Cubic, seed: 8);
        var options = OptionsOf(Kind, ("maxDegree", 4));
        var model = Kind.Fit(data, options);
        var exported = model.ExportParameters();
        var indices = exported[PolynomialChaosModel.MultiIndicesName];

        Assert.Equal(Predict(model, [0.5, 1, 0]), Predict(Kind.Restore(data, options, exported), [0.5, 1, 0]));
        foreach (var tampered in new[]
        {
            indices.Select((v, e) => e == 4 ? 0.5 : v).ToArray(),
            indices.Select((v, e) => e == 4 ? 5 : v).ToArray(),
            indices.Select((v, e) => e == 4 ? -1 : v).ToArray(),
            indices.Take(indices.Length - 1).ToArray(),
            indices.Select((v, e) => e < 3 ? indices[e + 3] : v).ToArray(),
        })
        {
            var parameters = new Dictionary<string, double[]>(exported) { [PolynomialChaosModel.MultiIndicesName] = tampered };
            var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, parameters));
            Assert.Equal("parameters.multiIndices", error.Field);
        }
    }

    [Fact]
    public void Few_points_for_many_candidate_terms_come_with_warnings()
    {
        var data = Random(12, Box3, Cubic, seed: 9);
        var model = Kind.Fit(data, OptionsOf(Kind));
        // 12 points against the 20 candidates of degree 3 in three inputs, and 9 terms kept.
        Assert.Equal(20, model.Diagnostics.PolynomialChaos!.CandidateTerms);
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("20 terms for 12 points", StringComparison.Ordinal));
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("fewer than two points per coefficient", StringComparison.Ordinal));
    }

    [Fact]
    public void Auto_considers_polynomial_chaos_and_picks_it_for_polynomial_data()
    {
        var fitted = AutoSurrogate.Select(Random(40, Box3, Cubic, seed: 10));
        Assert.Contains(fitted.Candidates!, c => c.Kind == "polynomialChaos" && c.Error is null);
        Assert.Equal("polynomialChaos", fitted.Kind.Name);
    }

    /// <summary>The row-major submatrix of the column-major design with the given rows and columns.</summary>
    private static double[] Rows(double[] design, int n, int[] rows, int[] columns)
    {
        var result = new double[rows.Length * columns.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < columns.Length; c++)
                result[r * columns.Length + c] = design[columns[c] * n + rows[r]];
        }
        return result;
    }
}
