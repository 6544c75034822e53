using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class VectorKernelsTests
{
    private static double[] Random(int length, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        return Enumerable.Range(0, length).Select(_ => random.NextGaussian()).ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(15)]
    [InlineData(64)]
    [InlineData(101)]
    public void Dot_sums_in_the_documented_fixed_order(int length)
    {
        var a = Random(length, 1);
        var b = Random(length, 2);
        // Element i into partial sum i mod 8, then ((s0+s4) + (s1+s5)) + ((s2+s6) + (s3+s7)): the
        // order promised so that results do not depend on the machine's vector width.
        var s = new double[8];
        for (int i = 0; i < length; i++)
            s[i % 8] += a[i] * b[i];
        double expected = ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
        Assert.Equal(expected, VectorKernels.Dot(a, b));
    }

    [Fact]
    public void Dot_is_the_inner_product()
    {
        Assert.Equal(32.0, VectorKernels.Dot([1.0, 2, 3], [4.0, 5, 6]));
        Assert.Throws<ArgumentException>(() => VectorKernels.Dot([1.0], [1.0, 2]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(37)]
    public void DotFour_agrees_with_four_dots(int length)
    {
        var x = Random(length, 3);
        var rows = Enumerable.Range(0, 4).Select(r => Random(length + 2, 10 + (ulong)r)).ToArray();
        var results = new double[4];
        VectorKernels.DotFour(x, rows[0], rows[1], rows[2], rows[3], results);
        for (int r = 0; r < 4; r++)
        {
            double naive = 0;
            for (int i = 0; i < length; i++)
                naive += rows[r][i] * x[i];
            Assert.Equal(naive, results[r], 1e-12);
        }
    }

    [Fact]
    public void AddScaled_and_Distance()
    {
        var y = Enumerable.Range(0, 11).Select(i => (double)i).ToArray();
        VectorKernels.AddScaled(y, 2, Enumerable.Repeat(1.0, 11).ToArray());
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i + 2.0), y);
        Assert.Equal(5.0, VectorKernels.Distance([0.0, 0], [3.0, 4]));
    }
}
