using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class SamplingMethodsTests
{
    private static readonly string[] ClientNames = ["sobol", "halton", "latinHypercube", "golden", "kronecker", "grid", "uniform"];

    public static TheoryData<string> Names => new(ClientNames);

    /// <summary>Options that make each seeded method actually use its seed.</summary>
    public static TheoryData<string, string?> SeededMethods => new()
    {
        { "sobol", "scramble" },
        { "latinHypercube", null },
        { "kronecker", "shift" },
        { "uniform", null },
    };

    private static ISamplingMethod Method(string name) => SamplingMethods.Find(name) ?? throw new InvalidOperationException(name);

    [Fact]
    public void All_methods_are_registered_under_their_client_names()
    {
        Assert.Equal(ClientNames, SamplingMethods.All.Select(m => m.Name));
        Assert.Same(SamplingMethods.Find("latinHypercube"), SamplingMethods.Find("LATINHYPERCUBE"));
        Assert.Null(SamplingMethods.Find("random"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Option_defaults_are_valid(string name)
    {
        foreach (var spec in Method(name).Options)
        {
            Assert.False(string.IsNullOrWhiteSpace(spec.Description));
            switch (spec.Kind)
            {
                case OptionKind.Choice:
                    Assert.Contains((string)spec.Default, spec.Choices!);
                    break;
                case OptionKind.Integer:
                    Assert.Null(spec.CheckRange((int)spec.Default));
                    break;
                case OptionKind.Boolean:
                    Assert.IsType<bool>(spec.Default);
                    break;
                default:
                    Assert.Fail($"{name}.{spec.Name}: unexpected kind {spec.Kind}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_point_lies_inside_the_box(string name)
    {
        var method = Method(name);
        Box[] boxes = [new([0], [1]), new([-5, 0], [10, 15]), new([0.1, -1e-3, 1e6, -7, 3], [0.3, 1e-3, 1e6 + 1, -6.5, 3.25])];
        foreach (var box in boxes)
        {
            foreach (int count in new[] { 1, 2, 7, 64, 333 })
            {
                var points = method.Sample(count, box, OptionValues.Defaults(method.Options), 11);
                Assert.InRange(points.Count, 1, count);
                Assert.Equal(box.Dimension, points.Dimension);
                for (int i = 0; i < points.Count; i++)
                    Assert.True(box.Contains(points[i]), $"{name}: point {i} of {count} outside the box");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeededMethods))]
    public void Seeded_methods_repeat_for_a_seed_and_change_with_it(string name, string? switchOption)
    {
        var method = Method(name);
        Assert.True(method.UsesSeed);
        (string, object)[] options = switchOption is null ? [] : [(switchOption, true)];
        var a = SampleUnit(method, 16, 3, 100, options).ToRows();
        Assert.Equal(a, SampleUnit(method, 16, 3, 100, options).ToRows());
        Assert.NotEqual(a, SampleUnit(method, 16, 3, 101, options).ToRows());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Default_options_and_unseeded_methods_ignore_the_seed(string name)
    {
        var method = Method(name);
        if (method.Name is "latinHypercube" or "uniform")
            return;
        Assert.Equal(SampleUnit(method, 16, 3, 1).ToRows(), SampleUnit(method, 16, 3, 2).ToRows());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Invalid_arguments_are_rejected(string name)
    {
        var method = Method(name);
        var defaults = OptionValues.Defaults(method.Options);
        Assert.Throws<ArgumentOutOfRangeException>(() => method.Sample(0, Box.Uniform(2, 0, 1), defaults, 0));
        Assert.Throws<ArgumentNullException>(() => method.Sample(4, null!, defaults, 0));
        Assert.Throws<ArgumentNullException>(() => method.Sample(4, Box.Uniform(2, 0, 1), null!, 0));
        Assert.Throws<ArgumentException>(() => method.Sample(int.MaxValue, Box.Uniform(3, 0, 1), defaults, 0));
    }
}
