namespace SurrogateService.Numerics.Tests.TestFunctions;

/// <summary>
/// The engineering models against Surrogates.jl's documentation: its pages print the first values
/// of each function on a golden (Kronecker) sequence, u_i = frac(i·g), g_j = r^−j with r the root
/// of r^(d+1) = r + 1, scaled to the box.
/// </summary>
public class EngineeringFunctionTests
{
    private static double[] GoldenPoint(int index, double[] lower, double[] upper)
    {
        int d = lower.Length;
        double r = 2;
        for (int k = 0; k < 200; k++)
            r = Math.Pow(1 + r, 1.0 / (d + 1));
        var point = new double[d];
        for (int j = 0; j < d; j++)
        {
            double u = index * Math.Pow(r, -(j + 1));
            point[j] = lower[j] + (upper[j] - lower[j]) * (u - Math.Floor(u));
        }
        return point;
    }

    private static readonly double[] WaterLower = [0.05, 100, 63070, 990, 63.1, 700, 1120, 9855];
    private static readonly double[] WaterUpper = [0.15, 50000, 115600, 1110, 116, 820, 1680, 12045];

    [Theory]
    [InlineData(1, 145.83997177108955)]
    [InlineData(2, 147.68674562247347)]
    [InlineData(3, 76.73659244577273)]
    public void Water_flow_reproduces_the_values_printed_by_surrogates_jl(int index, double expected)
    {
        var point = GoldenPoint(index, WaterLower, WaterUpper);
        Assert.Equal(expected, FunctionCases.Get("waterFlow").Evaluate(point), 1e-10 * expected);
    }

    [Fact]
    public void Water_flow_at_the_centre_of_its_box_matches_the_borehole_formula()
    {
        double rw = 0.1, r = 25050, tu = 89335, hu = 1050, tl = 89.55, hl = 760, length = 1400, kw = 10950;
        double expected = 2 * Math.PI * tu * (hu - hl)
            / (Math.Log(r / rw) * (1 + 2 * length * tu / (Math.Log(r / rw) * rw * rw * kw) + tu / tl));
        double[] centre = WaterLower.Zip(WaterUpper, (lo, hi) => (lo + hi) / 2).ToArray();
        Assert.Equal(expected, FunctionCases.Get("waterFlow").Evaluate(centre), 1e-12 * expected);
        Assert.Equal(70.8729126368, expected, 1e-8);
    }

    [Theory]
    [InlineData(1, 771.0823205963742)]
    [InlineData(2, 1772.0181002240734)]
    [InlineData(3, 1894.2311631006585)]
    public void Welded_beam_reproduces_the_values_printed_by_surrogates_jl(int index, double expected)
    {
        var point = GoldenPoint(index, [0.125, 5, 5], [1, 10, 10]);
        Assert.Equal(expected, FunctionCases.Get("weldedBeam").Evaluate(point), 1e-10 * expected);
    }

    [Fact]
    public void Cantilever_beam_matches_hand_value_and_falls_as_thickness_or_width_grows()
    {
        var beam = FunctionCases.Get("cantileverBeam");
        // At t = w = 1: 4·100³/E·sqrt(Y² + X²).
        double expected = 4e6 / 2.770674127819261e7 * Math.Sqrt(997.8714938733949 * 997.8714938733949 + 530.8038576066307 * 530.8038576066307);
        Assert.Equal(expected, beam.Evaluate([1, 1]), 1e-12 * expected);
        Assert.Equal(163.17553282135041, beam.Evaluate([1, 1]), 1e-9);
        // Y > X, so the thickness (first input) carries the larger load: f(1, 2) > f(2, 1).
        Assert.True(beam.Evaluate([1, 2]) > beam.Evaluate([2, 1]));
        for (double t = 1; t < 8; t += 0.5)
        {
            for (double w = 1; w < 8; w += 0.5)
            {
                Assert.True(beam.Evaluate([t + 0.5, w]) < beam.Evaluate([t, w]));
                Assert.True(beam.Evaluate([t, w + 0.5]) < beam.Evaluate([t, w]));
            }
        }
    }
}
