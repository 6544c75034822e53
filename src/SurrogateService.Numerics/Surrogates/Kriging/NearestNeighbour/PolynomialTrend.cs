namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A polynomial regression trend of nearest-neighbour Kriging: Σ_k c_k ψ_k(x) in the orthonormal Legendre
/// basis of polynomial chaos (<see cref="ChaosBasis"/>), fitted by least squares to all the values
/// (<see cref="TrendSelection"/>). The Gaussian process then models what is left, y − trend, with its own θ, σ² and noise:
/// the trend takes out the global shape that a predictor conditioned on a few hundred neighbours cannot see
/// when the correlation lengths exceed the neighbourhood (PC-Kriging, Schöbi, Sudret &amp; Wiart 2015,
/// Int. J. Uncertainty Quantification 5(2), 193–206, with the trend fitted first instead of by generalised least squares).
/// </summary>
internal sealed class PolynomialTrend
{
    /// <summary>Names of the trend in a model document's parameters.</summary>
    public const string MultiIndicesName = "trendMultiIndices", CoefficientsName = "trendCoefficients";

    private readonly double[] _coefficients;

    public PolynomialTrend(ChaosBasis basis, double[] coefficients)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Length != basis.Count)
            throw new ArgumentException($"Expected {basis.Count} coefficients, got {coefficients.Length}.", nameof(coefficients));
        Basis = basis;
        _coefficients = coefficients;
    }

    public ChaosBasis Basis { get; }

    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>The highest total degree of a term.</summary>
    public int Degree
    {
        get
        {
            int highest = 0;
            for (int k = 0; k < Basis.Count; k++)
            {
                int total = 0;
                for (int j = 0; j < Basis.Dimension; j++)
                    total += Basis.Degree(k, j);
                highest = Math.Max(highest, total);
            }
            return highest;
        }
    }

    /// <summary>A workspace for <see cref="ValueAt"/>, one per thread.</summary>
    public Workspace CreateWorkspace() => new(Basis);

    /// <summary>The trend at <paramref name="point"/>; the terms are summed in basis order, so the value is the same wherever it is computed.</summary>
    public double ValueAt(ReadOnlySpan<double> point, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Basis.Evaluate(point, workspace.Table, workspace.Terms);
        double sum = 0;
        for (int k = 0; k < _coefficients.Length; k++)
            sum += _coefficients[k] * workspace.Terms[k];
        return sum;
    }

    /// <summary>The training set with its values replaced by y − trend (the same points, box and noise variances).</summary>
    public TrainingSet Detrend(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var residuals = new double[data.Count];
        Parallel.For(0, data.Count, CreateWorkspace, (i, _, workspace) =>
        {
            residuals[i] = data.Values[i] - ValueAt(data.Points[i], workspace);
            return workspace;
        }, _ => { });
        return new TrainingSet(data.Points, residuals, data.Box, data.NoiseVariances);
    }

    /// <summary>The trend's entries of a model document: the multi-indices (terms × d, row-major) and the coefficients.</summary>
    public void Export(IDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters[MultiIndicesName] = Array.ConvertAll(Basis.MultiIndices, a => (double)a);
        parameters[CoefficientsName] = _coefficients.ToArray();
    }

    /// <summary>The trend of a model document, checked (whole degrees up to <paramref name="maximumDegree"/>, fewer terms than points, finite coefficients).</summary>
    public static PolynomialTrend Read(IReadOnlyDictionary<string, double[]> parameters, TrainingSet data, int maximumDegree)
    {
        ArgumentNullException.ThrowIfNull(data);
        var multiIndices = MultiIndexReader.Read(parameters, MultiIndicesName, data.Dimension, maximumDegree, data.Count);
        var coefficients = ModelParameters.Read(parameters, CoefficientsName, multiIndices.Length / data.Dimension);
        return new PolynomialTrend(new ChaosBasis(multiIndices, data.Box), coefficients);
    }

    /// <summary>Scratch space of one thread: the univariate table and the term values.</summary>
    internal sealed class Workspace(ChaosBasis basis)
    {
        public ChaosBasis.UnivariateTable Table { get; } = basis.CreateTable();

        public double[] Terms { get; } = new double[basis.Count];
    }
}
