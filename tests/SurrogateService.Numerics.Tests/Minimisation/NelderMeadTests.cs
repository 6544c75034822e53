using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Tests.Minimisation;

public class NelderMeadTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x) =>
        100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);

    [Fact]
    public void Finds_the_Rosenbrock_minimum_from_the_classic_start()
    {
        var options = new NelderMeadOptions { PointTolerance = 1e-10, ValueTolerance = 1e-16, MaxEvaluations = 5000 };
        var result = NelderMead.Minimize(Rosenbrock, [-1.2, 1], options);
        Assert.True(result.Converged);
        Assert.Equal(1, result.Minimizer[0], 1e-6);
        Assert.Equal(1, result.Minimizer[1], 1e-6);
        Assert.InRange(result.Minimum, 0, 1e-12);
    }

    [Fact]
    public void Minimises_a_shifted_quadratic_in_ten_dimensions()
    {
        static double Bowl(ReadOnlySpan<double> x)
        {
            double sum = 0;
            for (int j = 0; j < x.Length; j++)
                sum += (j + 1) * (x[j] - j) * (x[j] - j);
            return sum;
        }
        var result = NelderMead.Minimize(Bowl, new double[10], new NelderMeadOptions { MaxEvaluations = 20_000, PointTolerance = 1e-8, ValueTolerance = 1e-14 });
        for (int j = 0; j < 10; j++)
            Assert.Equal(j, result.Minimizer[j], 1e-4);
    }

    [Fact]
    public void Respects_the_box_and_finds_a_minimum_on_its_face()
    {
        // Unconstrained minimum at (3, 0.5); the box caps x0 at 2.
        var options = new NelderMeadOptions { LowerBounds = [-1, -1], UpperBounds = [2, 2], PointTolerance = 1e-9, ValueTolerance = 1e-14 };
        var evaluated = new List<double[]>();
        var result = NelderMead.Minimize(x =>
        {
            evaluated.Add(x.ToArray());
            return Math.Pow(x[0] - 3, 2) + Math.Pow(x[1] - 0.5, 2);
        }, [0, 0], options);
        Assert.Equal(2, result.Minimizer[0], 1e-8);
        Assert.Equal(0.5, result.Minimizer[1], 1e-6);
        Assert.All(evaluated, x => Assert.True(x[0] is >= -1 and <= 2 && x[1] is >= -1 and <= 2));
    }

    [Fact]
    public void Stops_at_the_evaluation_budget()
    {
        int calls = 0;
        var result = NelderMead.Minimize(x => { calls++; return Rosenbrock(x); }, [-1.2, 1], new NelderMeadOptions { MaxEvaluations = 50 });
        Assert.False(result.Converged);
        Assert.Equal(calls, result.Evaluations);
        Assert.InRange(calls, 50, 53);
    }

    [Fact]
    public void Treats_NaN_as_worse_than_anything()
    {
        // Undefined left of 0: the method must stay on the defined side and still find x = 1.
        var result = NelderMead.Minimize(x => x[0] < 0 ? double.NaN : Math.Pow(x[0] - 1, 2), [0.5],
            new NelderMeadOptions { InitialSteps = [0.4], PointTolerance = 1e-9, ValueTolerance = 1e-16 });
        Assert.Equal(1, result.Minimizer[0], 1e-7);
    }

    [Fact]
    public void Observes_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => NelderMead.Minimize(Rosenbrock, [0, 0], cancellationToken: source.Token));
    }
}
