using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.TestFunctions;

public class BenchmarkProblemTests
{
    private static double[] Objectives(IBenchmarkProblem problem, double[] x, out double[] constraints)
    {
        var objectives = new double[problem.ObjectiveCount];
        constraints = new double[problem.ConstraintCount];
        problem.Evaluate(x, objectives, constraints);
        return objectives;
    }

    [Fact]
    public void Registry_offers_the_problems_under_unique_names_apart_from_the_functions()
    {
        string[] expected = ["gramacyToy", "zdt1", "zdt2", "zdt3", "braninCurrin", "mixedBranin"];
        Assert.Equal(expected, BenchmarkProblems.All.Select(p => p.Name));
        Assert.Same(BenchmarkProblems.All[1], BenchmarkProblems.Find("ZDT1"));
        Assert.DoesNotContain(BenchmarkFunctions.All, f => expected.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Gramacy_toy_at_its_best_known_point_is_just_feasible_with_value_0_5998()
    {
        var problem = new GramacyConstrainedToy();
        var best = Assert.Single(problem.Minima(2));
        var f = Objectives(problem, best.Locations[0], out var c);
        Assert.Equal(0.5998, f[0], 12);
        // The optimum sits on the first constraint's boundary; the 4-digit location is within 1e-4 of it.
        Assert.Equal(0, c[0], 1e-4);
        Assert.True(c[1] < 0);
        // Hand-computed: at (0, 0) c1 = 3/2 − ½·sin 0, c2 = −3/2.
        Objectives(problem, [0, 0], out c);
        Assert.Equal([1.5, -1.5], c);
    }

    [Fact]
    public void Gramacy_toy_has_no_feasible_point_better_than_the_best_known_on_a_fine_grid()
    {
        var problem = new GramacyConstrainedToy();
        double best = double.PositiveInfinity;
        for (int i = 0; i <= 1000; i++)
        {
            for (int j = 0; j <= 1000; j++)
            {
                var f = Objectives(problem, [i / 1000.0, j / 1000.0], out var c);
                if (c[0] <= 0 && c[1] <= 0)
                    best = Math.Min(best, f[0]);
            }
        }
        Assert.InRange(best, 0.5998 - 1e-3, 0.5998 + 2e-3);
    }

    [Theory]
    [InlineData("zdt1")]
    [InlineData("zdt2")]
    [InlineData("zdt3")]
    public void Zdt_points_with_zero_tail_lie_on_the_listed_front(string name)
    {
        var problem = BenchmarkProblems.Find(name)!;
        var front = problem.ParetoFront(6)!;
        foreach (var v in front.Values.Where((_, i) => i % 10 == 0))
        {
            var f = Objectives(problem, [v[0], 0, 0, 0, 0, 0], out _);
            Assert.Equal(v[0], f[0], 12);
            Assert.Equal(v[1], f[1], 12);
        }
        // A point off the front (tail 0.5, so g = 5.5) is dominated by the front point with the same f1.
        var off = Objectives(problem, [0.3, 0.5, 0.5, 0.5, 0.5, 0.5], out _);
        var on = Objectives(problem, [0.3, 0, 0, 0, 0, 0], out _);
        Assert.True(ParetoDominance.Dominates(on, off));
    }

    [Theory]
    [InlineData("zdt1", 1e-3)]
    [InlineData("zdt2", 1e-3)]
    [InlineData("zdt3", 2e-3)]
    [InlineData("braninCurrin", 0.01)]
    public void Sampled_fronts_are_non_dominated_and_their_hypervolume_approaches_the_cited_one(string name, double tolerance)
    {
        var problem = BenchmarkProblems.Find(name)!;
        var front = problem.ParetoFront(problem.DefaultDimension)!;
        Assert.Equal(front.Values.Count, ParetoDominance.NondominatedIndices(front.Values.ToList()).Length);
        double sampled = Hypervolume.Of(front.Values, front.ReferencePoint);
        // A sample of a front dominates a little less than the front itself.
        Assert.InRange(front.Hypervolume - sampled, 0, tolerance * front.Hypervolume);
    }

    [Fact]
    public void Zdt1_front_hypervolume_is_the_box_minus_the_area_under_one_minus_root()
    {
        // 11² − ∫₀¹(1 − √f)df = 121 − 1/3, the value BoTorch lists as 120 + 2/3.
        Assert.Equal(120 + 2.0 / 3, new Zdt1().ParetoFront(2)!.Hypervolume, 12);
    }

    [Fact]
    public void Branin_currin_matches_its_two_parts_by_hand()
    {
        var problem = new BraninCurrin();
        var f = Objectives(problem, [0, 0], out _);
        // u = (0, 0): Branin(−5, 0); Currin factor 1 (limit), 60/20 = 3.
        Assert.Equal(new Branin().Evaluate([-5, 0]), f[0], 12);
        Assert.Equal(3, f[1], 12);
        f = Objectives(problem, [1, 1], out _);
        Assert.Equal(new Branin().Evaluate([10, 15]), f[0], 12);
        Assert.Equal((1 - Math.Exp(-0.5)) * 6352.0 / 624, f[1], 12);
    }

    [Theory]
    // Rows of the Cat-Suite design of experiments for Cat-3 (DoE/cat_3/*.txt): (cat1, cat2, n1, n2, u1, u2) → f.
    [InlineData(0, 0, 1, 1, 0.06450111132219925, 0.8490795575413883, 12.069940208123686)]
    [InlineData(0, 0, 1, 4, 0.10720577726308392, 0.25986402808607806, 9.11855729210951)]
    [InlineData(0, 1, 1, 1, 0.42201010941108924, 0.27625189642722686, 9.789340036883258)]
    [InlineData(1, 0, 1, 2, 0.6776148704790855, 0.9172255491474393, 7.664352443540265)]
    [InlineData(1, 0, 1, 1, 0.5315817863932457, 0.8190897212415987, 8.246631537832316)]
    public void Mixed_branin_reproduces_the_cat_suite_design_values(double c1, double c2, double n1, double n2, double u1, double u2, double expected)
    {
        var f = Objectives(new MixedBranin(), [c1, c2, n1, n2, u1, u2], out _);
        Assert.Equal(expected, f[0], 1e-10);
    }

    [Fact]
    public void Mixed_branin_minimum_is_not_beaten_by_any_discrete_combination_on_a_grid()
    {
        var problem = new MixedBranin();
        var minimum = Assert.Single(problem.Minima(6));
        Assert.Equal(minimum.Value, Objectives(problem, minimum.Locations[0], out _)[0], 9);
        double best = double.PositiveInfinity;
        for (int combination = 0; combination < 100; combination++)
        {
            for (int i = 0; i <= 50; i++)
            {
                for (int j = 0; j <= 50; j++)
                {
                    double[] x = [combination % 2, combination / 2 % 2, 1 + combination / 4 % 5, 1 + combination / 20, i / 50.0, j / 50.0];
                    best = Math.Min(best, Objectives(problem, x, out _)[0]);
                }
            }
        }
        Assert.InRange(best, minimum.Value - 1e-9, minimum.Value + 0.05);
    }

    [Fact]
    public void Mixed_branin_refuses_a_fractional_integer_and_an_unknown_level()
    {
        var problem = new MixedBranin();
        Assert.Equal(VariableKind.Categorical, problem.Variables(6)[0].Kind);
        Assert.Throws<ArgumentException>(() => Objectives(problem, [0, 0, 1.5, 1, 0.5, 0.5], out _));
        Assert.Throws<ArgumentException>(() => Objectives(problem, [2, 0, 1, 1, 0.5, 0.5], out _));
    }
}
