using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class SurrogateKindsTests
{
    public static TheoryData<string> Names => [.. SurrogateKinds.All.Select(k => k.Name)];

    private static TrainingSet Data => Random(12, new Box([-5, 0], [10, 15]), x => Math.Sin(x[0]) * x[1], seed: 30);

    [Fact]
    public void Registry_lists_the_kinds_under_unique_names_found_case_insensitively()
    {
        var names = SurrogateKinds.All.Select(k => k.Name).ToArray();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "radialBasis", "inverseDistance", "lobachevsky", "wendland", "linear", "secondOrder", "neuralNetwork" });
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Same(SurrogateKinds.Find("radialBasis"), SurrogateKinds.Find("RADIALBASIS"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Option_defaults_lie_in_their_own_ranges(string name)
    {
        foreach (var spec in SurrogateKinds.Find(name)!.Options)
        {
            switch (spec.Kind)
            {
                case OptionKind.Number or OptionKind.Integer or OptionKind.NumberPerDimension when spec.Default is not string:
                    Assert.Null(spec.CheckRange(Convert.ToDouble(spec.Default, System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case OptionKind.Choice:
                    Assert.Contains((string)spec.Default, spec.Choices!);
                    break;
                case OptionKind.IntegerList:
                    Assert.All((int[])spec.Default, value => Assert.Null(spec.CheckRange(value)));
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fits_with_defaults_and_restores_to_identical_predictions(string name)
    {
        var kind = SurrogateKinds.Find(name)!;
        var options = OptionValues.Defaults(kind.Options);
        var model = kind.Fit(Data, options);
        var queries = Random(40, Data.Box, _ => 0, seed: 31).Points;
        var predicted = Predict(model, queries);
        Assert.All(predicted, value => Assert.True(double.IsFinite(value)));
        Assert.Equal(predicted, Predict(RoundTrip(kind, model, options), queries));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Prediction_checks_the_dimension_and_standard_errors_only_where_offered(string name)
    {
        var kind = SurrogateKinds.Find(name)!;
        var model = kind.Fit(Data, OptionsOf(kind, kind.Name == "neuralNetwork" ? [("epochs", 10)] : []));
        Assert.Throws<ArgumentException>(() => model.Predict(new PointSet(3, 3), new double[3]));
        if (!kind.HasStandardError)
            Assert.Throws<NotSupportedException>(() => model.StandardError(new PointSet(3, 2), new double[3]));
    }
}
