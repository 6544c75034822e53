using System.Globalization;
using System.Runtime.ExceptionServices;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Maximum-likelihood θ for gradient-enhanced Kriging, searched like ordinary Kriging's (see
/// <see cref="KrigingHyperparameterSearch"/>): multi-start projected BFGS over z_l = ln(θ_l·w_l²) in
/// [ln 1e-8, ln 1e4] (the range of <see cref="KrigingHyperparameterSearch"/>), w_l the box width, from the heuristic θ and log-uniform random starts, with the
/// analytic gradient of <see cref="GradientEnhancedSolution.ThetaGradient"/>.
/// With KPLS directions (GEKPLS, after Bouhlel &amp; Martins 2019, "Gradient-enhanced kriging for high-dimensional
/// problems", Engineering with Computers 35) the variables are one ln θ̃_k per direction and
/// θ_l = Σ_k θ̃_k·w*_lk²/w_l², as in <see cref="KrigingSearchSpace"/>: h hyperparameters instead of d.
/// </summary>
/// <remarks>
/// The relative nugget (C_rr scaled by 1 + ν) is the least ν = max(floor, 10ε·10^k) that lets C be
/// factored at the first start, fixed for the search so the likelihood is one smooth function.
/// Gradient observations make C much worse conditioned than values alone (a value and the slopes
/// beside it are strongly correlated), so the jitter is relative to each diagonal entry: values and
/// gradients of every scale get the same relative perturbation.
/// </remarks>
internal static class GradientEnhancedSearch
{
    private const double LargestNugget = 1e-4;

    /// <param name="directions">KPLS rotations (d×h) to search θ along, or null for one θ per input.</param>
    public static (double[] Theta, double Nugget, List<string> Warnings) Run(GradientObservations observations, Box box, KernelShape shape,
        double[] startTheta, double nuggetFloor, ulong seed, int starts, CancellationToken cancellationToken, double[,]? directions = null)
    {
        int d = box.Dimension, variables = directions?.GetLength(1) ?? d;
        var logWidths = new double[d];
        for (int l = 0; l < d; l++)
            logWidths[l] = 2 * Math.Log(box.Upper[l] - box.Lower[l]);
        double[] lower = Enumerable.Repeat(Math.Log(KrigingHyperparameterSearch.MinScaledTheta), variables).ToArray();
        double[] upper = Enumerable.Repeat(Math.Log(KrigingHyperparameterSearch.MaxScaledTheta), variables).ToArray();
        double[] Decode(ReadOnlySpan<double> z)
        {
            var theta = new double[d];
            for (int l = 0; l < d; l++)
            {
                if (directions is null)
                {
                    theta[l] = Math.Exp(z[l] - logWidths[l]);
                    continue;
                }
                double scaled = 0;
                for (int k = 0; k < variables; k++)
                    scaled += Math.Exp(z[k]) * directions[l, k] * directions[l, k];
                // An input no direction uses still gets a tiny θ, so the covariance stays a function of every input.
                theta[l] = Math.Max(scaled, 1e-300) * Math.Exp(-logWidths[l]);
            }
            return theta;
        }

        // With directions the first start gives every direction the mean of the start's θ_l·w_l².
        var first = directions is null
            ? startTheta.Select((t, l) => Math.Log(t) + logWidths[l]).ToArray()
            : Enumerable.Repeat(Math.Log(startTheta.Select((t, l) => t * Math.Exp(logWidths[l])).Average()), variables).ToArray();
        var startPoints = new List<double[]> { first.Select((z, k) => Math.Clamp(z, lower[k], upper[k])).ToArray() };
        var random = new DeterministicRandom(seed);
        while (startPoints.Count < starts)
            startPoints.Add(Enumerable.Range(0, variables).Select(_ => KrigingHyperparameterSearch.LogUniform(random, KrigingHyperparameterSearch.MinStartTheta, KrigingHyperparameterSearch.MaxStartTheta)).ToArray());
        double nugget = Nugget(observations, shape, Decode(startPoints[0]), nuggetFloor);

        var options = KrigingHyperparameterSearch.SearchOptions with { LowerBounds = lower, UpperBounds = upper };
        var results = new ProjectedBfgsResult[startPoints.Count];
        try
        {
            Parallel.For(0, startPoints.Count, new ParallelOptions { CancellationToken = cancellationToken }, start =>
            {
                var thetaGradient = new double[d];
                results[start] = ProjectedBfgs.Minimize((z, gradient) =>
                {
                    var theta = Decode(z);
                    var covariance = new GradientCovariance(shape, theta);
                    var solution = GradientEnhancedSolution.Solve(observations, covariance, nugget);
                    if (solution is null)
                        return double.PositiveInfinity;
                    solution.ThetaGradient(observations, covariance, nugget, thetaGradient);
                    if (directions is null)
                    {
                        for (int l = 0; l < d; l++)
                            gradient[l] = -theta[l] * thetaGradient[l];
                    }
                    else
                    {
                        // ∂L/∂z_k = Σ_l ∂L/∂θ_l·θ̃_k·w*_lk²/w_l².
                        for (int k = 0; k < variables; k++)
                        {
                            double sum = 0;
                            for (int l = 0; l < d; l++)
                                sum += thetaGradient[l] * directions[l, k] * directions[l, k] * Math.Exp(-logWidths[l]);
                            gradient[k] = -Math.Exp(z[k]) * sum;
                        }
                    }
                    return -solution.LogLikelihood;
                }, startPoints[start], options, cancellationToken);
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
        var best = results.Aggregate((a, b) => b.Minimum < a.Minimum ? b : a);
        return (Decode(best.Minimizer), nugget, BoundWarnings(best.Minimizer, lower[0], upper[0], directions is null ? "dimension" : "KPLS direction"));
    }

    private static double Nugget(GradientObservations observations, KernelShape shape, double[] theta, double nuggetFloor)
    {
        var covariance = new GradientCovariance(shape, theta);
        for (double nugget = Math.Max(nuggetFloor, KrigingRegularisation.SmallestJitter); nugget <= LargestNugget; nugget *= 10)
        {
            if (GradientEnhancedSolution.Solve(observations, covariance, nugget) is not null)
                return nugget;
        }
        throw new SurrogateFitException("The covariance matrix of values and gradients is numerically singular even with a nugget of 1e-4: check for points very close together, or values and gradients that contradict each other.");
    }

    private static List<string> BoundWarnings(double[] z, double logMin, double logMax, string what)
    {
        const double closeInLog = 1e-3;
        var warnings = new List<string>();
        for (int l = 0; l < z.Length; l++)
        {
            if (z[l] <= logMin + closeInLog || z[l] >= logMax - closeInLog)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"θ in {what} {l} reached the {(z[l] <= logMin + closeInLog ? "lower" : "upper")} end of its search range (θ·width² in [{KrigingHyperparameterSearch.MinScaledTheta:G}, {KrigingHyperparameterSearch.MaxScaledTheta:G}])."));
            }
        }
        return warnings;
    }
}
