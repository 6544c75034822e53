using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Radial basis interpolation s(v) = Σ c_i·φ(‖v − x_i‖/scale) + polynomial tail, from the augmented
/// system [Φ + λI, P; Pᵀ, 0]·[c; a] = [y; 0] solved by LU. Surrogates.jl 7.7 drops the tail (so a
/// linear RBF cannot even reproduce a constant); with it, the interpolant is the one scipy's
/// RBFInterpolator gives for the same kernel, epsilon = 1/scale, degree and smoothing.
/// </summary>
public sealed class RadialBasisKind : ISurrogateKind
{
    private const string FittedSmoothing = "fit";

    private const string Remedy = "Remove near-duplicate points, set smoothing > 0, or for gaussian and multiquadric kernels lower the scale.";

    public string Name => "radialBasis";

    public string Description =>
        "Radial basis function interpolation with a polynomial tail; agrees with scipy's RBFInterpolator (epsilon = 1/scale).";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Choice("kernel", "thinPlate",
            "φ(r) with r = distance/scale: linear −r, cubic r³, thinPlate r²·ln r, multiquadric −√(1 + r²), gaussian exp(−r²), quintic −r⁵. " +
            "The default, thinPlate, is scipy's default and in 2-D the interpolant of least bending energy; it needs no scale.",
            RadialKernels.Names),
        OptionSpec.Number("scale", 1,
            "Distances are divided by the scale (scipy's epsilon = 1/scale). It shapes gaussian and multiquadric; without smoothing the other kernels give the same interpolant for any scale.",
            minimum: 0, exclusiveMinimum: true),
        OptionSpec.Integer("degree", 1,
            "Degree of the polynomial tail, −1 for none. Raised (with a warning) to the kernel's minimum: linear and multiquadric 0, cubic and thinPlate 1, quintic 2.",
            -1, 2),
        new OptionSpec("smoothing", OptionKind.Number, 0.0,
            "Added to the diagonal of the kernel matrix: 0 interpolates the data, larger values smooth noisy data (and allow duplicate points). " +
            "'fit' chooses it by leave-one-out cross-validation among 0 and 10^k·max|φ|, k = −10 … 1 (the diagnostics' nugget reports the choice).",
            Minimum: 0, Choices: [FittedSmoothing]),
    ];

    public bool HasStandardError => false;

    /// <summary>One point (gaussian kernel without a tail); the chosen kernel and degree may need more, which Fit reports.</summary>
    public int MinimumPoints(int dimension) => 1;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var settings = Settings.From(data, options);
        int n = data.Count;
        int m = settings.Tail.Count;
        if (n < Math.Max(m, 1))
            throw new SurrogateFitException($"A degree-{settings.Tail.Degree} polynomial tail in {data.Dimension} dimensions needs at least {m} training points; got {n}.");
        var tailTerms = TailMatrix(data, settings.Tail);
        if (m > 0)
        {
            var qr = new QrDecomposition(tailTerms, n, m);
            if (!qr.IsFullRank)
            {
                throw new SurrogateFitException(
                    $"The training points do not determine a degree-{settings.Tail.Degree} polynomial tail (the term {settings.Tail.TermName(qr.FirstDependentColumn)} is a combination of the earlier terms at these points), " +
                    "e.g. all points lie on one line in 2-D. Add points that span every dimension, or lower the degree where the kernel allows.");
            }
        }
        var kernelMatrix = KernelMatrix(data, settings, tailTerms);
        if (options.All["smoothing"] is FittedSmoothing)
            return FitSmoothing(data, settings, kernelMatrix, cancellationToken);
        if (settings.Smoothing == 0)
            DuplicatePoints.ThrowIfAny(data.Points, "without smoothing the radial basis system is singular");
        var warnings = new List<string>(settings.Warnings);
        return Solve(data, settings, kernelMatrix, settings.Smoothing, warnings, cancellationToken);
    }

    /// <summary>
    /// The smoothing with the least leave-one-out RMSE (Rippa 1999, exact for every candidate) among 0
    /// (unless points repeat) and 10^k·max|φ_ij|, k = −10 … 1: cross-validation, not the training fit,
    /// is what tells noise from signal.
    /// </summary>
    private static RadialBasisModel FitSmoothing(TrainingSet data, Settings settings, double[] kernelMatrix, CancellationToken cancellationToken)
    {
        if (data.Count > InterpolationSystem.LeaveOneOutLimit)
            throw new SurrogateFitException($"Smoothing 'fit' chooses by leave-one-out error, which is computed up to {InterpolationSystem.LeaveOneOutLimit} training points; give a smoothing value.") { Field = "options.smoothing" };
        double magnitude = 0;
        for (int i = 0; i < data.Count; i++)
        {
            for (int j = 0; j < data.Count; j++)
                magnitude = Math.Max(magnitude, Math.Abs(kernelMatrix[i * (data.Count + settings.Tail.Count) + j]));
        }
        var candidates = new List<double>();
        if (DuplicatePoints.Find(data.Points).Count == 0)
            candidates.Add(0);
        for (int k = -10; k <= 1; k++)
            candidates.Add(magnitude * Math.Pow(10, k));
        RadialBasisModel? best = null;
        foreach (double smoothing in candidates)
        {
            RadialBasisModel model;
            try
            {
                model = Solve(data, settings, kernelMatrix, smoothing, [.. settings.Warnings], cancellationToken);
            }
            catch (SurrogateFitException)
            {
                continue;
            }
            if (best is null || model.Diagnostics.LeaveOneOutRmse < best.Diagnostics.LeaveOneOutRmse)
                best = model;
        }
        return best ?? throw new SurrogateFitException($"No smoothing made the radial basis system solvable. {Remedy}");
    }

    private static RadialBasisModel Solve(TrainingSet data, Settings settings, double[] kernelMatrix, double smoothing, List<string> warnings, CancellationToken cancellationToken)
    {
        int n = data.Count, size = n + settings.Tail.Count;
        var matrix = (double[])kernelMatrix.Clone();
        for (int i = 0; i < n; i++)
            matrix[i * size + i] += smoothing;
        var rhs = new double[size];
        data.Values.CopyTo(rhs, 0);
        var result = InterpolationSystem.Solve(matrix, size, rhs, n, Remedy, warnings, cancellationToken);
        var diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = result.LeaveOneOutRmse,
            ConditionNumber = result.ConditionNumber,
            Nugget = smoothing > 0 ? smoothing : null,
            Warnings = warnings,
        };
        return new RadialBasisModel(data, settings.Kernel, settings.Scale, settings.Tail,
            result.Solution[..n], result.Solution[n..], diagnostics);
    }

    /// <summary>The augmented matrix [Φ, P; Pᵀ, 0] without smoothing, row-major.</summary>
    private static double[] KernelMatrix(TrainingSet data, Settings settings, double[] tailTerms)
    {
        int n = data.Count, m = settings.Tail.Count, size = n + m;
        var matrix = new double[size * size];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double r = VectorKernels.Distance(data.Points[i], data.Points[j]) / settings.Scale;
                matrix[i * size + j] = matrix[j * size + i] = RadialKernels.Evaluate(settings.Kernel, r);
            }
            for (int k = 0; k < m; k++)
                matrix[i * size + n + k] = matrix[(n + k) * size + i] = tailTerms[i * m + k];
        }
        return matrix;
    }

    /// <summary>Uses the exported coefficients as they are (no refit); the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        var settings = Settings.From(data, options);
        var coefficients = ModelParameters.Read(parameters, RadialBasisModel.CoefficientsName, data.Count);
        var tailCoefficients = ModelParameters.Read(parameters, RadialBasisModel.TailCoefficientsName, settings.Tail.Count);
        return new RadialBasisModel(data, settings.Kernel, settings.Scale, settings.Tail, coefficients, tailCoefficients, new FitDiagnostics());
    }

    private static double[] TailMatrix(TrainingSet data, PolynomialBasis tail)
    {
        var terms = new double[data.Count * tail.Count];
        for (int i = 0; i < data.Count; i++)
            tail.Evaluate(data.Points[i], terms.AsSpan(i * tail.Count, tail.Count));
        return terms;
    }

    /// <summary>The options resolved: the tail degree raised to the kernel's minimum.</summary>
    private sealed record Settings(RadialKernel Kernel, double Scale, double Smoothing, PolynomialBasis Tail, IReadOnlyList<string> Warnings)
    {
        public static Settings From(TrainingSet data, OptionValues options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var kernel = RadialKernels.Parse(options.Text("kernel"));
            int requested = options.Integer("degree");
            int degree = Math.Max(requested, RadialKernels.MinimumDegree(kernel));
            var warnings = degree > requested
                ? new[] { $"The polynomial tail degree was raised from {requested} to {degree}, the minimum for the {RadialKernels.Name(kernel)} kernel." }
                : [];
            double smoothing = options.All["smoothing"] is double given ? given : 0;
            return new Settings(kernel, options.Number("scale"), smoothing, new PolynomialBasis(degree, data.Box), warnings);
        }
    }
}
