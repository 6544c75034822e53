namespace SurrogateService.Numerics.Surrogates;

/// <summary>What the Kriging hyperparameter search starts from and may change.</summary>
/// <param name="StartTheta">The first start (the heuristic θ), or θ itself when <paramref name="FitTheta"/> is false.</param>
/// <param name="P">The fixed exponents, or the first start for them when <paramref name="FitP"/>.</param>
/// <param name="FitP">Also search p_l ∈ [1, 2].</param>
/// <param name="Seed">Seed of the random starts.</param>
/// <param name="Starts">Number of starts, the first being <paramref name="StartTheta"/>.</param>
/// <param name="NuggetFloor">The least nugget (the search's jitter may be larger).</param>
/// <param name="Shape">The correlation kernel.</param>
/// <param name="Noise">The noise of the values (null: none); fitted or known noise adds the noise parameter to the search.</param>
/// <param name="FitTheta">False when θ is given or heuristic and only the noise is searched.</param>
/// <param name="Prior">A prior on the length-scales (a MAP search), or null for maximum likelihood.</param>
/// <param name="Directions">KPLS rotations (d×h, see <see cref="PartialLeastSquares"/>): θ is searched along h directions; null for one θ per input.</param>
/// <param name="Trend">A second regressor of the mean beside the constant, concentrated out like μ (co-Kriging's ρ·ŷ_low), or null.</param>
/// <param name="ExplorationRows">GEKPLS: the starts explore the likelihood of the first this many points only (the training points
/// without their Taylor points), local searches run from the most likely starts only (see
/// <see cref="KrigingHyperparameterSearch.ScreenedSearches"/>), and the best is refined on all points by a short search; null to
/// search from every start on all points, or on a subset when there are many.</param>
internal sealed record KrigingSearchSettings(
    double[] StartTheta, double[] P, bool FitP, ulong Seed, int Starts, double NuggetFloor,
    KernelShape Shape = KernelShape.PowerExponential, KrigingNoise? Noise = null, bool FitTheta = true, double[]? Trend = null,
    LengthScalePrior? Prior = null, double[,]? Directions = null, int? ExplorationRows = null);
