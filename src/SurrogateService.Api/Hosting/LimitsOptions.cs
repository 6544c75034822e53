using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Size limits of requests (configuration section <c>Limits</c>). The defaults keep the worst
/// accepted request well inside the 240 s that the Container Apps ingress allows.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Binding option: a key of the section that names no limit stops the start instead of being ignored,
    /// so a misspelt or renamed limit (MaxTrainingPoints became MaxExactTrainingPoints) is never silently the default.
    /// </summary>
    public static void RefuseUnknownKeys(BinderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ErrorOnUnknownConfiguration = true;
    }

    /// <summary>Most points in one evaluate or predict request.</summary>
    [Range(1, 10_000_000)]
    public int MaxEvaluationPoints { get; set; } = 100_000;

    /// <summary>Most points one sampling request may ask for.</summary>
    [Range(1, 10_000_000)]
    public int MaxSampleCount { get; set; } = 100_000;

    /// <summary>Most dimensions of a point or a box.</summary>
    [Range(1, 21_201)]
    public int MaxDimension { get; set; } = 1_000;

    /// <summary>
    /// Most training points of one exact fit, every kind but nearest-neighbour Kriging: Kriging and radial bases
    /// cost O(n³) time and O(n²) memory to fit (2 000 points: 32 MB per matrix, seconds to tens of seconds).
    /// Kriging's approximation 'auto' fits exactly up to this many points and by nearest neighbours above it.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxExactTrainingPoints { get; set; } = 2_000;

    /// <summary>
    /// Most observations of one gradient-enhanced fit, values plus gradient components (n·(d + 1) with every
    /// gradient): its covariance matrix has that order, and each step of its likelihood search factors
    /// and inverts it, O(N³), with no subset to explore on as plain Kriging has.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxGradientObservations { get; set; } = 600;

    /// <summary>Most coordinates (points × dimension) in one sampling request, which bounds the response size.</summary>
    [Range(1, 100_000_000)]
    public int MaxSampleCoordinates { get; set; } = 1_000_000;

    /// <summary>
    /// Most known points in one suggest request (and the budget of a run, see <see cref="MaxOptimizationEvaluations"/>).
    /// Kriging's likelihood search costs O(n²·d + n³) per step, so the points times the points times the
    /// dimension are bounded too, by <see cref="MaxOptimizationWork"/>.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxOptimizationPoints { get; set; } = 2_000;

    /// <summary>Most dimensions of a suggest request or a run (the general limit; see <see cref="MaxOptimizationWork"/> for many points).</summary>
    [Range(1, 1_000)]
    public int MaxOptimizationDimension { get; set; } = 1_000;

    /// <summary>
    /// Most n²·d of one suggest request (n known points in d dimensions, categories one-hot) or of a
    /// run (n its budget): the pairwise coordinate differences Kriging's likelihood search keeps
    /// (n²·d/2 doubles: 400 MB at 10⁸) and its work per step. 10⁸ admits an ei ask with 1 000
    /// points in 100-D, 2 000 points in 25-D or 316 points in 1 000-D; see docs/high-dimensional-optimisation.md
    /// for the measured times of these worst cases against the request timeout.
    /// </summary>
    [Range(1e4, 1e12)]
    public double MaxOptimizationWork { get; set; } = 1e8;

    /// <summary>Most points one suggest call or one round of a run may ask for.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Most black-box constraints of a suggest request: each one is a Kriging model searched afresh on every call.</summary>
    [Range(1, 100)]
    public int MaxOptimizationConstraints { get; set; } = 8;

    /// <summary>
    /// Most evaluations (initial points included) of one synchronous optimisation run, within
    /// <see cref="MaxOptimizationWork"/> (budget² × dimension); an ei run of 200 in 20-D takes about 100 s,
    /// and a run's asks add up, so longer campaigns (up to <see cref="JobMaxOptimizationEvaluations"/>) run as jobs.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxOptimizationEvaluations { get; set; } = 200;

    /// <summary>Largest base sample size N of a Sobol' index estimate.</summary>
    [Range(16, 100_000_000)]
    public int MaxSensitivitySamples { get; set; } = 65_536;

    /// <summary>Most model predictions, N·(d + 2), of one Sobol' index estimate (a few times the predict limit).</summary>
    [Range(16, 1_000_000_000)]
    public int MaxSensitivityEvaluations { get; set; } = 250_000;

    /// <summary>Most bootstrap resamples of one Sobol' index estimate.</summary>
    [Range(1, 1_000_000)]
    public int MaxBootstrapResamples { get; set; } = 1_000;

    /// <summary>Heavy requests computing at once; 0 means one per processor core.</summary>
    [Range(0, 256)]
    public int HeavyConcurrency { get; set; }

    /// <summary>Heavy requests that may wait for a slot before the service answers 429.</summary>
    [Range(0, 10_000)]
    public int HeavyQueueLength { get; set; } = 8;

    /// <summary>The Retry-After of a 429.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Timeout of light requests (evaluate, samples, predict, …).</summary>
    [Range(1, 230)]
    public int LightRequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout of heavy requests; below the 240 s the Container Apps ingress allows.</summary>
    [Range(1, 230)]
    public int HeavyRequestTimeoutSeconds { get; set; } = 200;

    /// <summary>Largest request body in bytes; larger bodies get 413.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Widest figure in pixels.</summary>
    [Range(100, 20_000)]
    public int MaxImageWidth { get; set; } = 4_000;

    /// <summary>Tallest figure in pixels.</summary>
    [Range(100, 20_000)]
    public int MaxImageHeight { get; set; } = 4_000;

    /// <summary>Most pixels (width × height) of one figure, which bounds its memory and encoding time.</summary>
    [Range(10_000, 400_000_000)]
    public int MaxImagePixels { get; set; } = 8_000_000;

    /// <summary>Most grid points per axis of a plotted slice; a plane costs its square in evaluations.</summary>
    [Range(2, 10_000)]
    public int MaxPlotResolution { get; set; } = 301;

    /// <summary>Most pressure points (nx × ny) of one wave simulation; each costs 24 bytes of state.</summary>
    [Range(9, 100_000_000)]
    public int MaxWaveGridCells { get; set; } = 16_777_216;

    /// <summary>
    /// Most work of one wave simulation, (nx + 32) × ny × steps cell updates (a row costs about 32
    /// cells beyond its own). 2·10¹⁰ is about 80 s of solver on one core of a shared 2-core machine.
    /// </summary>
    [Range(9, 1e13)]
    public long MaxWaveCellSteps { get; set; } = 20_000_000_000;

    /// <summary>
    /// Most output of one wave simulation, frames × (thinned nx × thinned ny + 256) values (a frame
    /// costs about 256 values beyond its own); 10⁸ values of JSON take about 25 s to write.
    /// </summary>
    [Range(9, 1e12)]
    public long MaxWaveFrameCells { get; set; } = 100_000_000;

    /// <summary>
    /// Most solver work, evaluations × cell updates per evaluation, that one request may spend on a
    /// simulation-backed benchmark function (waveSource: 3.4·10⁵ per evaluation, so about 11 700
    /// evaluations, a few seconds of solver).
    /// </summary>
    [Range(1e6, 1e13)]
    public double MaxCostlyFunctionWork { get; set; } = 4e9;

    /// <summary>Most work for standard errors in one request: points × training points² (a Kriging standard error is one triangular solve per point).</summary>
    [Range(1e6, 1e15)]
    public double MaxStandardErrorWork { get; set; } = 1e11;

    /// <summary>
    /// Most memory, in bytes, that one replica's cache of prepared (rebuilt and factorised) models may hold,
    /// as charged by an upper bound of each model's matrices; 0 turns the cache off. 512 MiB is an eighth of
    /// a 2-vCPU replica's 4 GiB and holds eight 2 000-point Kriging models (64 MB each as charged).
    /// </summary>
    [Range(0, 1L << 40)]
    public long ModelCacheBytes { get; set; } = 512L * 1024 * 1024;

    // ---- Jobs (Prefer: respond-async): a job runs off the request in a worker with no ingress timeout,
    // so its limits are larger than the synchronous ones above; a job's request is read with these in
    // their place (see ForJobs). ----

    /// <summary>Most evaluations of one optimisation run submitted as a job (synchronously: <see cref="MaxOptimizationEvaluations"/>).</summary>
    [Range(2, 100_000)]
    public int JobMaxOptimizationEvaluations { get; set; } = 2_000;

    /// <summary>Most cell updates of one wave simulation in a job: 10× <see cref="MaxWaveCellSteps"/>.</summary>
    [Range(9, 1e14)]
    public long JobMaxWaveCellSteps { get; set; } = 200_000_000_000;

    /// <summary>Most solver work of a simulation-backed benchmark function in one job: 10× <see cref="MaxCostlyFunctionWork"/>.</summary>
    [Range(1e6, 1e14)]
    public double JobMaxCostlyFunctionWork { get; set; } = 4e10;

    /// <summary>
    /// Most output of one wave simulation in a job, in the units of <see cref="MaxWaveFrameCells"/>. Lower than the
    /// synchronous limit on purpose: a synchronous run streams its frames, a job keeps its whole answer to store it
    /// (2·10⁷ values are at most about 400 MB of JSON).
    /// </summary>
    [Range(9, 1e12)]
    public long JobMaxWaveFrameCells { get; set; } = 20_000_000;

    /// <summary>Largest base sample size N of a Sobol' study in a job: 10× <see cref="MaxSensitivitySamples"/>.</summary>
    [Range(16, 100_000_000)]
    public int JobMaxSensitivitySamples { get; set; } = 655_360;

    /// <summary>Most model predictions, N·(d + 2), of a Sobol' study in a job: 10× <see cref="MaxSensitivityEvaluations"/>.</summary>
    [Range(16, 1_000_000_000)]
    public int JobMaxSensitivityEvaluations { get; set; } = 2_500_000;

    /// <summary>
    /// Largest JSON body of a request submitted as a job, in bytes (synchronously: <see cref="MaxRequestBodyBytes"/>): the
    /// large-data fits, 10⁶ points of nearest-neighbour Kriging, fit a JSON body here (about 100 MB in 4-D), where
    /// synchronously they need .npy parts. The training-point limits stay the synchronous ones, so that every model a job
    /// fits can be used by the synchronous routes.
    /// </summary>
    [Range(1_024, 4_294_967_296)]
    public long JobMaxRequestBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The limits a job's request is read with: these, with the job limits in place of their synchronous counterparts.
    /// Limits that decide how the work is done (Kriging's 'auto' approximation follows <see cref="MaxExactTrainingPoints"/>)
    /// stay as they are, so that a job computes exactly what the synchronous route would.
    /// </summary>
    public LimitsOptions ForJobs()
    {
        var limits = (LimitsOptions)MemberwiseClone();
        limits.MaxOptimizationEvaluations = JobMaxOptimizationEvaluations;
        limits.MaxWaveCellSteps = JobMaxWaveCellSteps;
        limits.MaxWaveFrameCells = JobMaxWaveFrameCells;
        limits.MaxCostlyFunctionWork = JobMaxCostlyFunctionWork;
        limits.MaxSensitivitySamples = JobMaxSensitivitySamples;
        limits.MaxSensitivityEvaluations = JobMaxSensitivityEvaluations;
        limits.MaxRequestBodyBytes = JobMaxRequestBodyBytes;
        return limits;
    }

    // ---- nearest-neighbour Kriging (large data) ----

    /// <summary>
    /// Most training points of a nearest-neighbour Kriging fit. It costs O(n·m³) time and about
    /// n·(8·d·3 + 4·m + 80) bytes: the points and values, one scaled copy and k-d tree, the neighbour lists —
    /// about 0.4 GB at 10⁶ points in 4-D with m = 30, beside the request body (see docs/large-data.md).
    /// </summary>
    [Range(2, 10_000_000)]
    public int MaxNearestNeighbourTrainingPoints { get; set; } = 1_000_000;

    /// <summary>
    /// Largest multipart/form-data body (arrays as .npy parts) in bytes; JSON bodies keep
    /// <see cref="MaxRequestBodyBytes"/>. 10⁶ points in 4-D with values are 40 MB as float64.
    /// </summary>
    [Range(1_024, 4_294_967_296)]
    public long MaxMultipartBodyBytes { get; set; } = 256L * 1024 * 1024;

    // ---- end nearest-neighbour Kriging ----

    /// <summary>Heavy-work slots in effect: <see cref="HeavyConcurrency"/>, or one per core when it is 0. A method, so the document filter that lists the limits does not print a machine-dependent number.</summary>
    public int HeavySlots() => HeavyConcurrency > 0 ? HeavyConcurrency : Environment.ProcessorCount;
}
