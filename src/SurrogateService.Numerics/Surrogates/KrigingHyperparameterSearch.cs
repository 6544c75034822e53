using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Maximum-likelihood θ (and optionally p) for ordinary Kriging: multi-start Nelder–Mead on the
/// concentrated log-likelihood, deterministic for a given seed.
/// </summary>
/// <remarks>
/// The search runs over z_l = ln θ̃_l with θ̃_l = θ_l·w_l^{p_l}, w_l the width of the design box in
/// dimension l: exp(−θ̃_l) is the correlation of two points one full width apart, so the same range
/// suits every box and every p. θ̃ ∈ [1e-4, 1e4] spans correlations across the box from 0.9999 (a
/// nearly linear trend; the nugget rule keeps R usable there) to correlation lengths of about 1 %
/// of the width. The first start is the heuristic θ; the others are uniform in the log box (and in
/// p ∈ [1, 2]). Every start is polished by Nelder–Mead; the best result gets one more run from a
/// fresh, smaller simplex, because projection onto the box can flatten a simplex.
/// </remarks>
internal static class KrigingHyperparameterSearch
{
    public const double MinScaledTheta = 1e-4;
    public const double MaxScaledTheta = 1e4;
    private const double MinP = 1, MaxP = 2;

    public static KrigingSearchResult Run(TrainingSet data, KrigingSearchSettings settings, CancellationToken cancellationToken)
    {
        int d = data.Dimension;
        var widths = new double[d];
        for (int l = 0; l < d; l++)
            widths[l] = data.Box.Upper[l] - data.Box.Lower[l];

        var likelihood = new KrigingLikelihood(data, settings.NuggetFloor);
        var theta = new double[d];
        var p = (double[])settings.P.Clone();
        void Decode(ReadOnlySpan<double> z)
        {
            if (settings.FitP)
                z[d..].CopyTo(p);
            for (int l = 0; l < d; l++)
                theta[l] = Math.Exp(z[l]) / Math.Pow(widths[l], p[l]);
        }
        double NegativeLogLikelihood(ReadOnlySpan<double> z)
        {
            Decode(z);
            return -likelihood.Evaluate(theta, p);
        }

        var options = SearchOptions(d, settings.FitP);
        var random = new DeterministicRandom(settings.Seed);
        NelderMeadResult? best = null;
        for (int start = 0; start < settings.Starts; start++)
        {
            var z = start == 0 ? HeuristicStart(settings, widths, options) : RandomStart(random, options);
            var result = NelderMead.Minimize(NegativeLogLikelihood, z, options, cancellationToken);
            if (best is null || result.Minimum < best.Minimum)
                best = result;
        }

        var polishOptions = options with { InitialSteps = options.InitialSteps!.Select(step => step / 4).ToArray() };
        var polished = NelderMead.Minimize(NegativeLogLikelihood, best!.Minimizer, polishOptions, cancellationToken);
        if (polished.Minimum < best.Minimum)
            best = polished;

        Decode(best.Minimizer);
        return new KrigingSearchResult((double[])theta.Clone(), (double[])p.Clone(), -best.Minimum, BoundWarnings(best.Minimizer, d));
    }

    /// <summary>Variables z = (ln θ̃_1 … ln θ̃_d[, p_1 … p_d]) in their box, with start steps and tolerances.</summary>
    private static NelderMeadOptions SearchOptions(int d, bool fitP)
    {
        int variables = fitP ? 2 * d : d;
        var lower = new double[variables];
        var upper = new double[variables];
        var steps = new double[variables];
        for (int k = 0; k < variables; k++)
        {
            bool isP = k >= d;
            lower[k] = isP ? MinP : Math.Log(MinScaledTheta);
            upper[k] = isP ? MaxP : Math.Log(MaxScaledTheta);
            steps[k] = isP ? 0.2 : 1.0;
        }
        return new NelderMeadOptions
        {
            InitialSteps = steps,
            LowerBounds = lower,
            UpperBounds = upper,
            // Enough for the likelihood's smooth valleys in a few dimensions; in many dimensions the
            // budget, not the tolerance, ends a start, and the other starts make up for it.
            MaxEvaluations = 60 * (variables + 1),
            PointTolerance = 1e-3,
            ValueTolerance = 1e-6,
        };
    }

    private static double[] HeuristicStart(KrigingSearchSettings settings, double[] widths, NelderMeadOptions options)
    {
        int d = widths.Length;
        var z = new double[options.LowerBounds!.Count];
        for (int k = 0; k < z.Length; k++)
        {
            double value = k < d ? Math.Log(settings.StartTheta[k] * Math.Pow(widths[k], settings.P[k])) : settings.P[k - d];
            z[k] = Math.Clamp(value, options.LowerBounds[k], options.UpperBounds![k]);
        }
        return z;
    }

    private static double[] RandomStart(DeterministicRandom random, NelderMeadOptions options)
    {
        var z = new double[options.LowerBounds!.Count];
        for (int k = 0; k < z.Length; k++)
            z[k] = options.LowerBounds[k] + (options.UpperBounds![k] - options.LowerBounds[k]) * random.NextDouble();
        return z;
    }

    private static List<string> BoundWarnings(double[] z, int d)
    {
        const double closeInLog = 1e-3;
        double logMin = Math.Log(MinScaledTheta), logMax = Math.Log(MaxScaledTheta);
        var warnings = new List<string>();
        for (int l = 0; l < d; l++)
        {
            if (z[l] <= logMin + closeInLog)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"θ in dimension {l} reached the lower end of its search range (θ·width^p = {MinScaledTheta:G}): the data vary very smoothly or not at all along it."));
            }
            else if (z[l] >= logMax - closeInLog)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"θ in dimension {l} reached the upper end of its search range (θ·width^p = {MaxScaledTheta:G}): the data look uncorrelated along it at this point spacing; more points or a rougher p may help."));
            }
        }
        return warnings;
    }
}
