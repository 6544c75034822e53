using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>One degree's candidate basis and its LARS path.</summary>
internal sealed record DegreeCandidate(int Degree, int[] MultiIndices, int CandidateCount, LarsPath Path);

/// <summary>
/// Tries degrees 1, 2, … and keeps the one whose best LARS prefix has the smallest corrected
/// leave-one-out error. Stops early when the data are reproduced to round-off, when two degrees in
/// a row fail to improve (higher degrees then mostly fit noise), or when the next candidate basis
/// would exceed the size or work limits (with a warning).
/// </summary>
internal sealed class DegreeSearch(TrainingSet data, double qNorm, CancellationToken cancellationToken)
{
    private const int DegreesWithoutImprovement = 2;

    private readonly List<string> _warnings = [];

    public DegreeCandidate? Best { get; private set; }

    /// <summary>Whether the last degree tried was the best so far (the search may have stopped too early).</summary>
    public bool ImprovedAtLastDegree { get; private set; }

    public IReadOnlyList<string> Warnings => _warnings;

    public void Run(int maxDegree)
    {
        int n = data.Count, d = data.Dimension;
        int maximumCandidates = (int)Math.Min(int.MaxValue - 1, PolynomialChaosKind.MaximumDesignEntries / n);
        double work = 0;
        int withoutImprovement = 0;
        for (int degree = 1; degree <= maxDegree; degree++)
        {
            var multiIndices = MultiIndexSet.Create(d, degree, qNorm, maximumCandidates);
            if (multiIndices is null)
            {
                _warnings.Add($"Degrees from {degree} on were not tried: their candidate basis would exceed {maximumCandidates} terms for {n} points.");
                return;
            }
            int count = multiIndices.Length / d;
            double pathWork = (double)n * count * Math.Min(n, count);
            if (Best is not null && work + pathWork > PolynomialChaosKind.MaximumPathWork)
            {
                _warnings.Add($"Degrees from {degree} on were not tried: their regression paths would exceed the work limit for {n} points.");
                return;
            }
            work += pathWork;
            var basis = new ChaosBasis(multiIndices, data.Box);
            var path = LeastAngleRegressionPath.Run(basis.DesignColumns(data.Points), n, count, data.Values, cancellationToken);
            ImprovedAtLastDegree = Best is null || path.BestError < Best.Path.BestError;
            if (ImprovedAtLastDegree)
            {
                Best = new DegreeCandidate(degree, multiIndices, count, path);
                withoutImprovement = 0;
            }
            else if (++withoutImprovement >= DegreesWithoutImprovement)
            {
                return;
            }
            if (Best!.Path.BestError < LeastAngleRegressionPath.ExactFitError)
                return;
        }
    }
}
