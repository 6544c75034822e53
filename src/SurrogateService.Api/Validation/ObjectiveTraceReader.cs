using SurrogateService.Api.Contracts;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Validation;

/// <summary>Checks the <c>trace</c> of a multi-objective run (points of one supported dimension, one value or null per objective) and summarises it.</summary>
public static class ObjectiveTraceReader
{
    private const string Field = "trace";

    /// <returns>The trace and the dimension of its points; null when invalid.</returns>
    public static (PlottedObjectiveTrace Trace, int Dimension)? Read(PlotTraceEntry[]? trace, IBenchmarkProblem problem, RequestErrors errors, int maxCount)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(errors);
        if (trace is null || trace.Length == 0 || trace.Length > maxCount)
        {
            errors.Add(Field, $"Must contain between 1 and {maxCount} evaluations.");
            return null;
        }
        int d = trace[0]?.Point?.Length ?? 0;
        if (d < problem.MinDimension || d > problem.MaxDimension)
        {
            errors.Add($"{Field}[0].point", $"Has {d} coordinates; {problem.Name} takes {problem.MinDimension} to {problem.MaxDimension}.");
            return null;
        }
        int m = problem.ObjectiveCount;
        var objectives = new double[trace.Length][];
        for (int i = 0; i < trace.Length; i++)
        {
            var entry = trace[i];
            if (entry?.Point is null || entry.Point.Length != d)
                errors.Add($"{Field}[{i}].point", $"Must have {d} coordinates like the first.");
            if (entry?.Objectives is not { } row || row.Length != m)
                errors.Add($"{Field}[{i}].objectives", $"Must hold {m} values (null where the evaluation failed), one per objective of {problem.Name}.");
            else
                objectives[i] = row.Select(v => v ?? double.NaN).ToArray();
        }
        if (!errors.IsEmpty)
            return null;
        var hypervolume = trace.All(entry => entry.Hypervolume is not null)
            ? trace.Select(entry => entry.Hypervolume!.Value).ToArray()
            : HypervolumeSoFar(objectives, problem.ParetoFront(d)!.ReferencePoint);
        return (new PlottedObjectiveTrace(objectives, hypervolume), d);
    }

    private static double[] HypervolumeSoFar(double[][] objectives, double[] reference)
    {
        var succeeded = new List<double[]>();
        var trace = new double[objectives.Length];
        for (int i = 0; i < objectives.Length; i++)
        {
            if (!Array.Exists(objectives[i], double.IsNaN))
                succeeded.Add(objectives[i]);
            trace[i] = Hypervolume.Of(succeeded, reference);
        }
        return trace;
    }
}
