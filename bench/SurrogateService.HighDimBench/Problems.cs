using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.HighDimBench;

/// <summary>The two campaigns' functions: Hartmann-6 hidden in 100 inputs, and Ackley-20 on [−5, 10]²⁰.</summary>
internal sealed record Problem(string Name, Box Box, Func<double[], double> Evaluate)
{
    private static readonly Hartmann6 Hartmann = new();
    private static readonly Ackley AckleyFunction = new();

    public static Problem Find(string name) => name switch
    {
        // Hartmann-6 of the first six inputs of [0, 1]¹⁰⁰; the other 94 do nothing (minimum −3.32237).
        "hartmann6in100" => new Problem(name, Box.Uniform(100, 0, 1), x => Hartmann.Evaluate(x.AsSpan(0, 6))),
        "ackley20" => new Problem(name, Box.Uniform(20, -5, 10), x => AckleyFunction.Evaluate(x)),
        _ => throw new ArgumentException($"Unknown problem '{name}': hartmann6in100 or ackley20."),
    };
}
