using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.TestFunctions;

public class BenchmarkRegistryTests
{
    public static TheoryData<string> Names => FunctionCases.Names;

    [Fact]
    public void Registry_offers_every_function_of_the_catalogue_under_unique_camel_case_names()
    {
        string[] expected =
        [
            "branin", "rosenbrock", "ackley", "sixHumpCamel", "goldsteinPrice", "gramacyLee", "hartmann3",
            "hartmann6", "ishigami", "sphere", "waterFlow", "weldedBeam", "cantileverBeam", "waveSource", "currinHigh", "currinLow",
        ];
        var names = BenchmarkFunctions.All.Select(f => f.Name).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches("^[a-z][a-zA-Z0-9]*$", name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Find_ignores_case_and_rejects_unknown_names(string name)
    {
        Assert.Same(FunctionCases.Get(name), BenchmarkFunctions.Find(name.ToUpperInvariant()));
        Assert.Same(FunctionCases.Get(name), BenchmarkFunctions.Find(name.ToLowerInvariant()));
        Assert.Null(BenchmarkFunctions.Find(name + "x"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Dimensions_are_consistent_and_domain_and_minima_follow_the_dimension(string name)
    {
        var function = FunctionCases.Get(name);
        Assert.InRange(function.DefaultDimension, function.MinDimension, function.MaxDimension);
        Assert.False(string.IsNullOrWhiteSpace(function.Description));
        foreach (int d in FunctionCases.Dimensions(function))
        {
            Assert.Equal(d, function.Domain(d).Dimension);
            Assert.All(function.Minima(d), minimum =>
                Assert.All(minimum.Locations, location => Assert.True(function.Domain(d).Contains(location))));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => function.Domain(function.MaxDimension + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => function.Minima(function.MinDimension - 1));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_rejects_points_of_an_unsupported_dimension(string name)
    {
        var function = FunctionCases.Get(name);
        Assert.ThrowsAny<ArgumentException>(() => function.Evaluate(new double[function.MaxDimension + 1]));
        if (function.MinDimension > 1)
            Assert.ThrowsAny<ArgumentException>(() => function.Evaluate(new double[function.MinDimension - 1]));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_is_pure_and_EvaluateBatch_matches_it_point_by_point(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            var points = RandomPoints(function.Domain(d), 50, seed: 5);
            double[] batch = new double[points.Count];
            function.EvaluateBatch(points, batch);
            for (int i = 0; i < points.Count; i++)
            {
                double[] copy = points[i].ToArray();
                double value = function.Evaluate(copy);
                Assert.Equal(value, batch[i]);
                Assert.Equal(value, function.Evaluate(copy));
                Assert.Equal(points[i].ToArray(), copy);
                Assert.True(double.IsFinite(value));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_does_not_allocate(string name)
    {
        var function = FunctionCases.Get(name);
        // A simulation-backed function allocates its grid on every run; only the formulas are allocation-free.
        if (function is ICostlyFunction)
            return;
        var points = RandomPoints(function.Domain(function.DefaultDimension), 100, seed: 9);
        double[] values = new double[points.Count];
        function.EvaluateBatch(points, values); // warm-up: JIT and static constant tables
        long before = GC.GetAllocatedBytesForCurrentThread();
        function.EvaluateBatch(points, values);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void EvaluateBatch_requires_one_value_slot_per_point()
    {
        var branin = FunctionCases.Get("branin");
        var points = new PointSet(3, 2);
        Assert.Throws<ArgumentException>(() => branin.EvaluateBatch(points, new double[2]));
    }

    internal static PointSet RandomPoints(Box box, int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = new PointSet(count, box.Dimension);
        Span<double> data = points.Data;
        for (int i = 0; i < data.Length; i++)
            data[i] = random.NextDouble();
        box.ScaleFromUnitCube(points);
        return points;
    }
}
