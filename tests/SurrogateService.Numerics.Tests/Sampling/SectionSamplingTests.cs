using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Tests.Sampling;

public class SectionSamplingTests
{
    private static readonly Box Box3 = new([0, -1, 10], [1, 1, 20]);

    [Fact]
    public void Free_coordinates_get_the_methods_plan_of_the_free_box_and_fixed_ones_their_value()
    {
        var sobol = SamplingMethods.Find("sobol")!;
        var options = OptionValues.Defaults(sobol.Options);
        var section = SectionSampling.Sample(sobol, 16, Box3, [null, 0.25, null], options, 7);
        var plain = sobol.Sample(16, new Box([0, 10], [1, 20]), options, 7);

        Assert.Equal(16, section.Count);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(0.25, section[i][1]);
            Assert.Equal(plain[i][0], section[i][0]);
            Assert.Equal(plain[i][1], section[i][2]);
            Assert.True(Box3.Contains(section[i]));
        }
    }

    [Fact]
    public void A_value_on_the_boundary_is_inside_the_box()
    {
        var uniform = SamplingMethods.Find("uniform")!;
        var points = SectionSampling.Sample(uniform, 5, Box3, [1.0, null, 10.0], OptionValues.Defaults(uniform.Options), 1);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal((1.0, 10.0), (points[i][0], points[i][2])));
    }

    [Theory]
    [InlineData(new double[] { 1.5, double.NaN, double.NaN })]
    [InlineData(new double[] { double.NaN, -1.01, double.NaN })]
    [InlineData(new double[] { 0.5, 0, 15 })]
    [InlineData(new double[] { double.NaN, double.NaN })]
    public void Sections_outside_the_box_fully_fixed_or_of_the_wrong_length_are_refused(double[] encoded)
    {
        // NaN stands for a free coordinate here (InlineData cannot hold nulls in a double?[]).
        double?[] section = [.. encoded.Select(v => double.IsNaN(v) ? (double?)null : v)];
        var uniform = SamplingMethods.Find("uniform")!;
        var ex = Assert.Throws<ArgumentException>(() => SectionSampling.Sample(uniform, 4, Box3, section, OptionValues.Defaults(uniform.Options), 1));
        Assert.Equal("section", ex.ParamName);
    }
}
