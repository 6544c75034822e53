using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class GramAccumulatorTests
{
    // Column counts around the 4 × 8 tiles (1, one short of a tile, a tile, a tile and one, several tiles and a ragged end), row
    // counts around the block (fewer rows than a block, exactly one, several blocks and a partial one).
    [Theory]
    [InlineData(1, 3)]
    [InlineData(7, 256)]
    [InlineData(8, 100)]
    [InlineData(9, 257)]
    [InlineData(45, 700)]
    [InlineData(130, 1000)]
    public void Lower_triangle_is_the_naive_sum_of_products(int columns, int rows)
    {
        var random = new DeterministicRandom((ulong)(columns * 1000 + rows));
        var x = new double[rows, columns];
        var accumulator = new GramAccumulator(columns);
        var row = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                row[c] = x[r, c] = random.NextGaussian() * (1 + c % 5);
            accumulator.AddRow(row);
        }
        var gram = accumulator.LowerTriangle();
        for (int j = 0; j < columns; j++)
        {
            for (int k = 0; k < columns; k++)
            {
                double expected = 0, magnitude = 0;
                for (int r = 0; r < rows; r++)
                {
                    expected += x[r, j] * x[r, k];
                    magnitude += Math.Abs(x[r, j] * x[r, k]);
                }
                if (k > j)
                    Assert.Equal(0, gram[j * columns + k]);
                else
                    Assert.True(Math.Abs(gram[j * columns + k] - expected) <= 1e-13 * magnitude, $"entry ({j}, {k}): {gram[j * columns + k]} against {expected}");
            }
        }
    }

    [Fact]
    public void Rows_of_the_wrong_length_are_refused()
    {
        var accumulator = new GramAccumulator(3);
        Assert.Throws<ArgumentException>(() => accumulator.AddRow([1.0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GramAccumulator(0));
    }
}
