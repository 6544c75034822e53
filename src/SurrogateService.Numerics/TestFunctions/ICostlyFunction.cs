namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// A function backed by a simulation, whose evaluations cost far more than an analytic formula:
/// callers bound the evaluations of one request by their cost (see <see cref="WorkPerEvaluation"/>).
/// </summary>
public interface ICostlyFunction
{
    /// <summary>Cell updates of one evaluation, in the units of the wave limits ((nx + 32)·ny·steps).</summary>
    long WorkPerEvaluation { get; }
}
