using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Sparse polynomial chaos expansion in orthonormal Legendre polynomials (inputs uniform on the box),
/// degree-adaptive as in Blatman &amp; Sudret (2011, J. Comput. Phys. 230:2345–2367): for each degree
/// p = 1, 2, … up to maxDegree the candidate basis (total degree p, optionally hyperbolic) is
/// ordered by least-angle regression, every prefix is refitted by least squares and scored by its
/// corrected leave-one-out error (<see cref="LeastAngleRegressionPath"/>); the best (degree, prefix)
/// overall is the model. Mean, variance and Sobol' indices follow from the coefficients.
/// </summary>
public sealed class PolynomialChaosKind : ISurrogateKind
{
    /// <summary>The largest maxDegree a request may ask for.</summary>
    public const int MaximumDegree = 30;

    /// <summary>
    /// Largest candidate design (points × candidate terms) one degree may build: 5·10⁶ doubles is
    /// 40 MB. A degree whose candidate basis is larger is not tried (and the fit says so).
    /// </summary>
    public const long MaximumDesignEntries = 5_000_000;

    /// <summary>
    /// Budget of multiply-adds for all the LARS paths of one fit, each costing about
    /// n·P·min(n, P): it keeps the worst accepted fit to seconds; degrees beyond it are not tried.
    /// </summary>
    public const double MaximumPathWork = 2e10;

    private const double LeverageOfOne = 1 - 1e-10;

    public string Name => "polynomialChaos";

    public string Description =>
        "Sparse polynomial chaos: orthonormal Legendre basis for inputs uniform on the box, terms chosen by least-angle regression and the degree by corrected leave-one-out error; mean, variance and Sobol' indices come analytically from the coefficients.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer("maxDegree", 10, $"Highest total degree tried; the degree is chosen by corrected leave-one-out error (at most {MaximumDegree}).", 1, MaximumDegree),
        OptionSpec.Number("qNorm", 1, "Hyperbolic truncation: terms with (Σ α_i^q)^(1/q) ≤ degree; 1 is the full total-degree basis, smaller values drop high-order interactions.", minimum: 0, maximum: 1, exclusiveMinimum: true),
    ];

    public bool HasStandardError => false;

    /// <summary>An intercept and a slope per input, and one point more for leave-one-out error.</summary>
    public int MinimumPoints(int dimension) => dimension + 2;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        int n = data.Count, d = data.Dimension;
        if (n < MinimumPoints(d))
            throw new SurrogateFitException($"A polynomial chaos model in {d} dimensions needs at least {MinimumPoints(d)} training points; got {n}.");
        int maxDegree = options.Integer("maxDegree");
        double qNorm = options.Number("qNorm");
        var search = new DegreeSearch(data, qNorm, cancellationToken);
        search.Run(maxDegree);
        if (search.Best is null)
            throw new SurrogateFitException($"Even the degree-1 basis in {d} dimensions is larger than this service fits for {n} points ({MaximumDesignEntries} design entries).");
        return Build(data, search, maxDegree);
    }

    /// <summary>Uses the exported multi-indices and coefficients as they are (no refit); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        var multiIndices = MultiIndexReader.Read(parameters, PolynomialChaosModel.MultiIndicesName, data.Dimension, options.Integer("maxDegree"), data.Count);
        var coefficients = ModelParameters.Read(parameters, PolynomialChaosModel.CoefficientsName, multiIndices.Length / data.Dimension);
        return new PolynomialChaosModel(data, new ChaosBasis(multiIndices, data.Box), coefficients, new FitDiagnostics());
    }

    /// <summary>Least squares on the chosen terms, with the plain leave-one-out RMSE (PRESS) and the warnings.</summary>
    private static PolynomialChaosModel Build(TrainingSet data, DegreeSearch search, int maxDegree)
    {
        var best = search.Best!;
        int n = data.Count, d = data.Dimension;
        // The chosen terms in the candidate order (constant first, by degree), not the order of entry.
        var chosen = best.Path.Order.Take(best.Path.BestLength).Order().ToArray();
        var multiIndices = new int[chosen.Length * d];
        for (int k = 0; k < chosen.Length; k++)
            Array.Copy(best.MultiIndices, chosen[k] * d, multiIndices, k * d, d);
        var basis = new ChaosBasis(multiIndices, data.Box);
        int p = basis.Count;
        var design = new double[n * p];
        var table = basis.CreateTable();
        for (int i = 0; i < n; i++)
            basis.Evaluate(data.Points[i], table, design.AsSpan(i * p, p));
        var qr = new QrDecomposition(design, n, p);
        if (!qr.IsFullRank)
            throw new SurrogateFitException("The chosen polynomial chaos terms are linearly dependent at these points; add points that vary in every coordinate.");
        var coefficients = qr.LeastSquares(data.Values);
        var leverages = qr.Leverages();

        var warnings = new List<string>(search.Warnings);
        double? rmse = PressRmse(data, design, coefficients, leverages);
        if (rmse is null)
            warnings.Add("The leave-one-out error is undefined: some point alone determines a coefficient. Add training points.");
        if (best.Degree == maxDegree && maxDegree < MaximumDegree && search.ImprovedAtLastDegree)
            warnings.Add($"The best degree is the highest one tried (maxDegree = {maxDegree}) and it still improved the fit: a larger maxDegree may fit better.");
        if (best.CandidateCount > n)
            warnings.Add($"The degree-{best.Degree} candidate basis has {best.CandidateCount} terms for {n} points: the problem is underdetermined, and the terms were picked by sparse regression; trust the model only as far as its leave-one-out error.");
        if (2 * p > n)
            warnings.Add($"The expansion has {p} terms for {n} points, fewer than two points per coefficient: the leave-one-out error may be optimistic. Add points.");

        var diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = rmse,
            Warnings = warnings,
        };
        var (mean, variance) = PolynomialChaosModel.Moments(basis, coefficients);
        return new PolynomialChaosModel(data, basis, coefficients, diagnostics with
        {
            PolynomialChaos = new PolynomialChaosDiagnostics(best.Degree, p, best.CandidateCount, best.Path.BestError, mean, variance),
        });
    }

    private static double? PressRmse(TrainingSet data, double[] design, double[] coefficients, double[] leverages)
    {
        int p = coefficients.Length;
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (leverages[i] >= LeverageOfOne)
                return null;
            double residual = data.Values[i] - VectorKernels.Dot(design.AsSpan(i * p, p), coefficients);
            double error = residual / (1 - leverages[i]);
            sum += error * error;
        }
        return Math.Sqrt(sum / data.Count);
    }
}
