using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Least-squares polynomial regression by Householder QR: "linear" (with intercept, which
/// Surrogates.jl 7.7 omits) and "secondOrder" (columns 1, x_j, x_j·x_k for j &lt; k, x_j²).
/// Coefficients refer to coordinates mapped to [−1, 1] by the design box, t = (x − mid)/half-width,
/// which keeps the columns comparable in size (see <see cref="PolynomialBasis"/>).
/// </summary>
public sealed class PolynomialRegressionKind : ISurrogateKind
{
    /// <summary>A leverage this close to 1 means the point alone fixes a coefficient: its leave-one-out error is undefined.</summary>
    private const double LeverageOfOne = 1 - 1e-10;

    private readonly int _degree;

    private PolynomialRegressionKind(int degree, string name, string description)
    {
        _degree = degree;
        Name = name;
        Description = description;
    }

    public static PolynomialRegressionKind Linear { get; } =
        new(1, "linear", "Linear regression with intercept, by least squares.");

    public static PolynomialRegressionKind SecondOrder { get; } =
        new(2, "secondOrder", "Full quadratic regression (intercept, linear, cross and square terms), by least squares.");

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public bool HasStandardError => false;

    /// <summary>One point per coefficient: d + 1 (linear) or (d + 1)(d + 2)/2 (second order).</summary>
    public int MinimumPoints(int dimension) => PolynomialBasis.TermCount(_degree, dimension);

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var basis = new PolynomialBasis(_degree, data.Box);
        int n = data.Count;
        int p = basis.Count;
        if (n < p)
            throw new SurrogateFitException($"A {Name} model in {data.Dimension} dimensions has {p} coefficients and needs at least {p} training points; got {n}.");
        var design = new double[n * p];
        for (int i = 0; i < n; i++)
            basis.Evaluate(data.Points[i], design.AsSpan(i * p, p));
        var qr = new QrDecomposition(design, n, p);
        if (!qr.IsFullRank)
        {
            throw new SurrogateFitException(
                $"The training points do not determine a {Name} model: the term {basis.TermName(qr.FirstDependentColumn)} is a combination of the earlier terms at these points " +
                "(too few distinct values along some coordinate). Add points that vary in every coordinate.");
        }
        var coefficients = qr.LeastSquares(data.Values);
        var warnings = new List<string>();
        double? rmse = PressRmse(data, design, coefficients, qr.Leverages(), warnings);
        return new PolynomialRegressionModel(data, basis, coefficients, new FitDiagnostics { LeaveOneOutRmse = rmse, Warnings = warnings });
    }

    /// <summary>Uses the exported coefficients as they are (no refit); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        var basis = new PolynomialBasis(_degree, data.Box);
        var coefficients = ModelParameters.Read(parameters, PolynomialRegressionModel.CoefficientsName, basis.Count);
        return new PolynomialRegressionModel(data, basis, coefficients, new FitDiagnostics());
    }

    /// <summary>
    /// The PRESS identity: the residual of point i under the fit without it is e_i/(1 − h_ii), with e_i
    /// the ordinary residual and h_ii the leverage, so no refit is needed.
    /// </summary>
    private static double? PressRmse(TrainingSet data, double[] design, double[] coefficients, double[] leverages, List<string> warnings)
    {
        int p = coefficients.Length;
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (leverages[i] >= LeverageOfOne)
            {
                warnings.Add($"The leave-one-out error is undefined: point {i} (0-based) alone determines part of the fit. Add training points.");
                return null;
            }
            double residual = data.Values[i] - SpanMath.Dot(design.AsSpan(i * p, p), coefficients);
            double error = residual / (1 - leverages[i]);
            sum += error * error;
        }
        return Math.Sqrt(sum / data.Count);
    }
}
