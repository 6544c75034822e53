using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Tests.Minimisation;

public class ProjectedBfgsTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double a = x[1] - x[0] * x[0], b = 1 - x[0];
        gradient[0] = -400 * a * x[0] - 2 * b;
        gradient[1] = 200 * a;
        return 100 * a * a + b * b;
    }

    /// <summary>Σ (j + 1)·(x_j − c_j)²: a diagonal quadratic with its minimum at c.</summary>
    private static ObjectiveWithGradient Bowl(params double[] centre) => (x, gradient) =>
    {
        double sum = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double offset = x[j] - centre[j];
            sum += (j + 1) * offset * offset;
            gradient[j] = 2 * (j + 1) * offset;
        }
        return sum;
    };

    [Fact]
    public void Finds_the_Rosenbrock_minimum_from_the_classic_start()
    {
        var result = ProjectedBfgs.Minimize(Rosenbrock, [-1.2, 1], new ProjectedBfgsOptions { GradientTolerance = 1e-9, ValueTolerance = 0 });
        Assert.True(result.Converged);
        Assert.Equal(1, result.Minimizer[0], 1e-6);
        Assert.Equal(1, result.Minimizer[1], 1e-6);
        // Superlinear convergence: far fewer steps than steepest descent's thousands.
        Assert.InRange(result.Iterations, 1, 100);
    }

    [Fact]
    public void Minimises_a_quadratic_in_ten_dimensions_in_few_evaluations()
    {
        double[] centre = [.. Enumerable.Range(0, 10).Select(j => (double)j)];
        var result = ProjectedBfgs.Minimize(Bowl(centre), new double[10], new ProjectedBfgsOptions { InitialStep = 0.5, GradientTolerance = 1e-10, ValueTolerance = 0 });
        Assert.True(result.Converged);
        for (int j = 0; j < 10; j++)
            Assert.Equal(j, result.Minimizer[j], 1e-8);
        Assert.InRange(result.Evaluations, 1, 80);
    }

    [Fact]
    public void Stops_on_the_faces_of_the_box_where_the_gradient_pushes_out()
    {
        // Unconstrained minimum (3, −1, 0.5); the box [0, 2]³ holds x0 at 2 and x1 at 0.
        var seen = new List<double[]>();
        var bowl = Bowl(3, -1, 0.5);
        var result = ProjectedBfgs.Minimize((x, gradient) =>
        {
            seen.Add(x.ToArray());
            return bowl(x, gradient);
        }, [1, 1, 1], new ProjectedBfgsOptions { LowerBounds = [0, 0, 0], UpperBounds = [2, 2, 2], GradientTolerance = 1e-10 });
        Assert.True(result.Converged);
        Assert.Equal([2.0, 0.0], result.Minimizer[..2]);
        Assert.Equal(0.5, result.Minimizer[2], 1e-8);
        Assert.All(seen, x => Assert.All(x, v => Assert.InRange(v, 0, 2)));
    }

    [Fact]
    public void A_start_outside_the_box_is_projected_into_it()
    {
        var result = ProjectedBfgs.Minimize(Bowl(1, 1), [5, -5], new ProjectedBfgsOptions { LowerBounds = [0, 0], UpperBounds = [3, 3] });
        Assert.Equal(1, result.Minimizer[0], 1e-6);
        Assert.Equal(1, result.Minimizer[1], 1e-6);
    }

    [Fact]
    public void Stays_out_of_a_region_the_objective_refuses_and_ends_at_its_edge()
    {
        // The bowl's minimum (3, 0) lies where the objective answers +∞ (x0 > 1.5).
        var bowl = Bowl(3, 0);
        double Refusing(ReadOnlySpan<double> x, Span<double> gradient) => x[0] > 1.5 ? double.PositiveInfinity : bowl(x, gradient);
        var result = ProjectedBfgs.Minimize(Refusing, [0, 1]);
        Assert.True(double.IsFinite(result.Minimum));
        Assert.InRange(result.Minimizer[0], 1.4, 1.5);
        Assert.Equal(0, result.Minimizer[1], 1e-3);
    }

    [Fact]
    public void An_infeasible_start_returns_at_once()
    {
        int calls = 0;
        var result = ProjectedBfgs.Minimize((_, _) => { calls++; return double.NaN; }, [0.0]);
        Assert.False(result.Converged);
        Assert.Equal(1, calls);
        Assert.Equal(1, result.Evaluations);
    }

    [Fact]
    public void Honours_the_evaluation_budget_and_is_deterministic()
    {
        int calls = 0;
        var options = new ProjectedBfgsOptions { MaxEvaluations = 15, GradientTolerance = 0, ValueTolerance = 0 };
        var first = ProjectedBfgs.Minimize((x, g) => { calls++; return Rosenbrock(x, g); }, [-1.2, 1], options);
        Assert.False(first.Converged);
        Assert.Equal(calls, first.Evaluations);
        Assert.InRange(calls, 1, 15);
        var second = ProjectedBfgs.Minimize(Rosenbrock, [-1.2, 1], options);
        Assert.Equal(first.Minimizer, second.Minimizer);
        Assert.Equal(first.Minimum, second.Minimum);
    }

    [Fact]
    public void Observes_cancellation_and_checks_its_bounds()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => ProjectedBfgs.Minimize(Rosenbrock, [0, 0], null, source.Token));
        Assert.Throws<ArgumentException>(() => ProjectedBfgs.Minimize(Rosenbrock, [0, 0], new ProjectedBfgsOptions { LowerBounds = [0] }));
        Assert.Throws<ArgumentException>(() => ProjectedBfgs.Minimize(Rosenbrock, [0, 0], new ProjectedBfgsOptions { LowerBounds = [1, 1], UpperBounds = [0, 2] }));
    }
}
