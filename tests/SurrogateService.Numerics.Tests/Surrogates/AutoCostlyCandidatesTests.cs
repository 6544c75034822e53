using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>The support vectors and the mixture of experts in auto: one setting each, and the same error a direct fit reports.</summary>
public class AutoCostlyCandidatesTests
{
    private static readonly ISurrogateKind SupportVector = SurrogateKinds.Find("supportVector")!;

    [Fact]
    public void The_heuristic_support_vector_setting_is_the_grids_middle_and_the_median_distance()
    {
        // Points 0, 0.5 and 1 of [0, 1]: squared distances 0.25, 0.25 and 1, median 0.25, so γ = 4. Values 0, 1, 5:
        // population standard deviation s = √(14/3), C = 10·s and ε = 0.01·s.
        var data = Of([[0.0], [0.5], [1.0]], [0, 1, 5], Box.Uniform(1, 0, 1));
        var options = OptionsOf(SupportVector, ("c", SupportVectorKind.Heuristic), ("epsilon", SupportVectorKind.Heuristic), ("gamma", SupportVectorKind.Heuristic), ("folds", 3));
        var parameters = SupportVector.Fit(data, options).ExportParameters();
        double s = Math.Sqrt(14.0 / 3);
        Assert.Equal(4, parameters["gamma"][0], 12);
        Assert.Equal(10 * s, parameters["c"][0], 12);
        Assert.Equal(0.01 * s, parameters["epsilon"][0], 12);
    }

    [Fact]
    public void Auto_tries_both_with_one_setting_and_reports_the_errors_their_own_fits_report()
    {
        var data = Random(60, Box.Uniform(2, 0, 1), x => Math.Sin(4 * x[0]) + (x[1] > 0.5 ? 1 : 0), seed: 8);
        var table = AutoSurrogate.Select(data).Candidates!;
        foreach (var name in new[] { "supportVector", "mixtureOfExperts" })
        {
            var row = table.Single(c => c.Kind == name);
            Assert.Null(row.Error);
            var kind = SurrogateKinds.Find(name)!;
            var direct = kind.Fit(data, new Options.OptionValues(kind.Options, row.Options));
            // Out of sample and from one setting (no choice among settings on the same folds): the direct fit's 5-fold error.
            Assert.Equal("5-fold", direct.Diagnostics.CrossValidation);
            Assert.Equal(direct.Diagnostics.LeaveOneOutRmse, row.LeaveOneOutRmse);
        }
        Assert.Equal(2, table.Single(c => c.Kind == "mixtureOfExperts").Options["clusters"]);
    }

    [Fact]
    public void A_mixture_needs_room_for_two_clusters_in_every_fold()
    {
        // In two inputs a cluster needs max(6, 2·3) = 6 points: the mixture needs 12, auto 24.
        var data = Random(20, Box.Uniform(2, 0, 1), x => x[0] + x[1], seed: 9);
        var row = AutoSurrogate.Select(data).Candidates!.Single(c => c.Kind == "mixtureOfExperts");
        Assert.Null(row.LeaveOneOutRmse);
        Assert.Contains("24 points", row.Error, StringComparison.Ordinal);
    }
}
