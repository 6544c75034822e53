using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using static SurrogateService.Numerics.Tests.Optimization.OptimizationTestData;

namespace SurrogateService.Numerics.Tests.Optimization;

public class OptimizerStateTests
{
    private static readonly OptimizerState SrbfState = new()
    {
        Strategy = "srbf",
        Iteration = 3,
        BestValue = 1.5,
        StepSize = 0.1,
        Successes = 0,
        Failures = 1,
        CycleIndex = 2,
        InitialPoints = 10,
    };

    public static TheoryData<OptimizerState, string> TamperedSrbfStates => new()
    {
        { SrbfState with { StepSize = 0 }, "stepSize" },
        { SrbfState with { StepSize = -0.1 }, "stepSize" },
        { SrbfState with { StepSize = double.NaN }, "stepSize" },
        { SrbfState with { StepSize = 0.5 }, "stepSize" },
        { SrbfState with { StepSize = null }, "stepSize" },
        { SrbfState with { Successes = -1 }, "successes" },
        { SrbfState with { Failures = -2 }, "failures" },
        { SrbfState with { CycleIndex = -1 }, "cycleIndex" },
        { SrbfState with { InitialPoints = 0 }, "initialPoints" },
        { SrbfState with { Iteration = -1 }, "iteration" },
        { SrbfState with { BestValue = double.PositiveInfinity }, "bestValue" },
        { SrbfState with { Strategy = "ei" }, "strategy" },
        { SrbfState with { Theta = [1, 1] }, "theta" },
    };

    [Fact]
    public void A_sound_state_has_no_problems() => Assert.Empty(Strategy("srbf").CheckState(SrbfState, 2));

    [Theory]
    [MemberData(nameof(TamperedSrbfStates))]
    public void A_tampered_srbf_state_is_rejected_naming_the_field(OptimizerState state, string field)
    {
        var problems = Strategy("srbf").CheckState(state, 2);
        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void An_ei_state_checks_theta_entry_by_entry_with_its_point_count_and_refuses_srbf_fields()
    {
        var ei = Strategy("ei");
        var state = new OptimizerState { Strategy = "ei", Iteration = 1, Theta = [0.5, -1], ThetaPoints = 10 };
        Assert.Contains(ei.CheckState(state, 2), p => p.Field == "theta[1]");
        Assert.Contains(ei.CheckState(state with { Theta = [0.5] }, 2), p => p.Field == "theta");
        Assert.Contains(ei.CheckState(state with { Theta = [0.5, 2], ThetaPoints = null }, 2), p => p.Field == "thetaPoints");
        Assert.Contains(ei.CheckState(state with { Theta = null }, 2), p => p.Field == "theta");
        Assert.Contains(ei.CheckState(state with { Theta = null, ThetaPoints = null, StepSize = 0.1 }, 2), p => p.Field == "stepSize");
        Assert.Empty(ei.CheckState(state with { Theta = [0.5, 2] }, 2));
    }

    [Fact]
    public void Suggest_refuses_a_tampered_state()
    {
        var (box, points, values) = Evaluated("branin", 10);
        var request = Request("srbf", box, points, values, state: SrbfState with { Failures = -1 });
        Assert.Throws<ArgumentException>(() => Strategy("srbf").Suggest(request));
    }

    [Fact]
    public void Srbf_halves_its_step_after_enough_failures_and_doubles_it_after_three_successes()
    {
        var (box, points, values) = Evaluated("branin", 10);
        double best = values.Min();
        var srbf = Strategy("srbf");

        // In 2-D the failure tolerance is max(5, d)/q = 5: the fifth failing batch halves σ.
        var failing = SrbfState with { BestValue = best, Failures = 4, StepSize = 0.1 };
        var afterFailure = srbf.Suggest(Request("srbf", box, points, values, state: failing)).State;
        Assert.Equal(0.05, afterFailure.StepSize);
        Assert.Equal(0, afterFailure.Failures);

        var succeeding = SrbfState with { BestValue = best + 1, Successes = 2, StepSize = 0.08 };
        var afterSuccess = srbf.Suggest(Request("srbf", box, points, values, state: succeeding)).State;
        Assert.Equal(0.16, afterSuccess.StepSize);
        Assert.Equal(0, afterSuccess.Successes);

        var capped = srbf.Suggest(Request("srbf", box, points, values, state: succeeding with { StepSize = 0.15 })).State;
        Assert.Equal(0.2, capped.StepSize);
    }

    [Fact]
    public void Srbf_restarts_its_step_when_it_collapses()
    {
        var (box, points, values) = Evaluated("branin", 10);
        var collapsing = SrbfState with { BestValue = values.Min(), Failures = 4, StepSize = 0.004 };
        var suggestion = Strategy("srbf").Suggest(Request("srbf", box, points, values, state: collapsing));
        Assert.Equal(0.2, suggestion.State.StepSize);
        Assert.Contains(suggestion.Warnings, w => w.Contains("step size", StringComparison.Ordinal));
    }

    [Fact]
    public void Srbf_walks_the_weight_cycle_by_the_batch_size()
    {
        var (box, points, values) = Evaluated("branin", 10);
        var state = Strategy("srbf").Suggest(Request("srbf", box, points, values, batchSize: 3, state: SrbfState)).State;
        Assert.Equal((2 + 3) % 4, state.CycleIndex);
        Assert.Equal(4, state.Iteration);
        Assert.Equal(10, state.InitialPoints);
    }

    [Fact]
    public void Dycors_perturbs_a_single_coordinate_when_its_budget_is_spent()
    {
        // d = 30: p = min(20/d, 1)·(1 − ln k / ln N) is 0 once k reaches N, so exactly one coordinate moves.
        var (box, points, values) = Evaluated("sphere", 40, dimension: 30);
        var state = new OptimizerState
        {
            Strategy = "dycors", Iteration = 5, BestValue = values.Min(), StepSize = 0.2,
            Successes = 0, Failures = 0, CycleIndex = 0, InitialPoints = 1,
        };
        var request = Request("dycors", box, points, values, state: state,
            options: new Dictionary<string, object> { [StrategyOptions.MaxEvaluations] = 41 });
        var suggestion = Strategy("dycors").Suggest(request);

        var incumbent = suggestion.Incumbent!.Point;
        int moved = Enumerable.Range(0, 30).Count(j => suggestion.Points[0][j] != incumbent[j]);
        Assert.Equal(1, moved);
    }

    [Fact]
    public void Srbf_early_in_a_search_moves_every_coordinate()
    {
        var (box, points, values) = Evaluated("sphere", 40, dimension: 30);
        var suggestion = Strategy("srbf").Suggest(Request("srbf", box, points, values));
        var incumbent = suggestion.Incumbent!.Point;
        Assert.All(Enumerable.Range(0, 30), j => Assert.NotEqual(incumbent[j], suggestion.Points[0][j]));
    }
}
