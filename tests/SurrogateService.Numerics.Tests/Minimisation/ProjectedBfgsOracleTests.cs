using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using SurrogateService.Numerics.Minimisation;
using SurrogateService.Numerics.Tests.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.Minimisation;

/// <summary>
/// The bounded quasi-Newton minimiser against MathNet.Numerics' BFGS-B on the same box-constrained
/// problems: convex quadratics (well and ill conditioned) whose minimum lies partly on the bounds,
/// and a bounded Rosenbrock. Both must reach the same minimum.
/// </summary>
public class ProjectedBfgsOracleTests
{
    public static TheoryData<int, double, ulong> Quadratics => new()
    {
        { 2, 10, 1 }, { 5, 1e3, 2 }, { 8, 1e3, 3 }, { 6, 1e6, 4 },
    };

    [Theory]
    [MemberData(nameof(Quadratics))]
    public void Bounded_quadratics_reach_MathNet_s_minimum(int n, double condition, ulong seed)
    {
        // f(x) = ½(x − c)ᵀH(x − c) with the unconstrained minimum c partly outside [−1, 1]ⁿ.
        var h = MathNetProblems.SymmetricPositiveDefinite(n, condition, seed);
        var c = MathNetProblems.Gaussian(n, 1, seed + 100).Column(0) * 1.5;
        double Value(Vector<double> x) => 0.5 * (x - c).DotProduct(h * (x - c));
        var lower = Vector<double>.Build.Dense(n, -1);
        var upper = Vector<double>.Build.Dense(n, 1);
        var start = Vector<double>.Build.Dense(n, 0);

        var theirs = new BfgsBMinimizer(1e-10, 1e-14, 1e-14, 10_000).FindMinimum(
            ObjectiveFunction.Gradient(Value, x => h * (x - c)), lower, upper, start);
        var ours = ProjectedBfgs.Minimize(
            Ours(Value, x => h * (x - c)),
            start.ToArray(),
            new ProjectedBfgsOptions { LowerBounds = lower.ToArray(), UpperBounds = upper.ToArray(), GradientTolerance = 1e-10, ValueTolerance = 0, StepTolerance = 0, MaxIterations = 2000, MaxEvaluations = 20_000 });

        double theirMinimum = theirs.FunctionInfoAtMinimum.Value;
        Assert.Contains(c, v => Math.Abs(v) > 1);
        Assert.True(ours.Minimum <= theirMinimum + 1e-9 * Math.Max(1, Math.Abs(theirMinimum)),
            $"ours {ours.Minimum:R}, MathNet {theirMinimum:R}");
        // A strictly convex problem has one minimiser: the two must agree on it, to within what
        // the conditioning lets a value tolerance of 1e-9 say about position.
        double positionTolerance = Math.Sqrt(2e-9 * condition);
        Assert.True(MathNetProblems.RelativeDifference(Vector<double>.Build.DenseOfArray(ours.Minimizer), theirs.MinimizingPoint) <= Math.Max(1e-6, positionTolerance));
    }

    [Fact]
    public void Bounded_Rosenbrock_reaches_MathNet_s_minimum_on_the_bound()
    {
        // In [−2, 0.5] × [−2, 2] the minimum moves onto x₁ = 0.5: f = (1 − 0.5)² at x₂ = 0.25.
        static double Value(Vector<double> x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
        static Vector<double> Gradient(Vector<double> x) => Vector<double>.Build.DenseOfArray(
            [-400 * (x[1] - x[0] * x[0]) * x[0] - 2 * (1 - x[0]), 200 * (x[1] - x[0] * x[0])]);
        double[] lower = [-2, -2], upper = [0.5, 2];
        double[] start = [-1.2, 1];

        var theirs = new BfgsBMinimizer(1e-10, 1e-14, 1e-14, 10_000).FindMinimum(
            ObjectiveFunction.Gradient(Value, Gradient),
            Vector<double>.Build.DenseOfArray(lower), Vector<double>.Build.DenseOfArray(upper), Vector<double>.Build.DenseOfArray(start));
        var ours = ProjectedBfgs.Minimize(
            Ours(Value, Gradient),
            start,
            new ProjectedBfgsOptions { LowerBounds = lower, UpperBounds = upper, GradientTolerance = 1e-10, ValueTolerance = 0 });

        Assert.Equal(0.25, theirs.FunctionInfoAtMinimum.Value, 1e-9);
        Assert.Equal(theirs.FunctionInfoAtMinimum.Value, ours.Minimum, 1e-9);
        Assert.Equal(theirs.MinimizingPoint[0], ours.Minimizer[0], 1e-7);
        Assert.Equal(theirs.MinimizingPoint[1], ours.Minimizer[1], 1e-6);
    }

    [Fact]
    public void Refused_regions_end_MathNet_on_an_infinite_value_but_not_ours()
    {
        // The measured reason ProjectedBfgs exists: a Kriging likelihood is +∞ where its matrix is
        // not positive definite, and the search must step back from there. Here f = ‖x − (2, 2)‖²
        // is refused (+∞) where x₁ + x₂ > 3. MathNet 5.0's BFGS-B walks into the refused region and
        // reports convergence there with f = +∞; ours stays where f is finite and still descends.
        static double Value(Vector<double> x) => x[0] + x[1] > 3 ? double.PositiveInfinity : Math.Pow(x[0] - 2, 2) + Math.Pow(x[1] - 2, 2);
        static Vector<double> Gradient(Vector<double> x) => Vector<double>.Build.DenseOfArray([2 * (x[0] - 2), 2 * (x[1] - 2)]);
        double[] lower = [0, 0], upper = [4, 4];
        double[] start = [0.2, 0.1];

        var ours = ProjectedBfgs.Minimize(
            Ours(Value, Gradient),
            start,
            new ProjectedBfgsOptions { LowerBounds = lower, UpperBounds = upper });
        var theirs = new BfgsBMinimizer(1e-8, 1e-12, 1e-12, 1000).FindMinimum(
            ObjectiveFunction.Gradient(Value, Gradient),
            Vector<double>.Build.DenseOfArray(lower), Vector<double>.Build.DenseOfArray(upper), Vector<double>.Build.DenseOfArray(start));

        Assert.Equal(double.PositiveInfinity, theirs.FunctionInfoAtMinimum.Value);
        Assert.True(ours.Minimizer[0] + ours.Minimizer[1] <= 3);
        // From f(start) = 6.85 to within 0.2 of the constrained minimum 0.5 at (1.5, 1.5).
        Assert.InRange(ours.Minimum, 0.5, 0.7);
    }

    /// <summary>The objective MathNet minimises, as ours takes it.</summary>
    private static ObjectiveWithGradient Ours(Func<Vector<double>, double> value, Func<Vector<double>, Vector<double>> gradient) =>
        (x, g) =>
        {
            var v = Vector<double>.Build.DenseOfArray(x.ToArray());
            gradient(v).AsArray().CopyTo(g);
            return value(v);
        };
}
