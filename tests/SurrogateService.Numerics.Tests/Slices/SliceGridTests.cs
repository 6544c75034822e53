using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Slices;

public class SliceGridTests
{
    private static readonly Box Cube = new([-1, 0, 10], [1, 4, 20]);

    [Fact]
    public void Plane_runs_the_first_axis_along_columns_and_the_second_along_rows()
    {
        var grid = SliceGrid.Create(Cube, [2, 0], [0.25, 3, 999], resolution: 5);

        Assert.Equal(5, grid.Columns);
        Assert.Equal(5, grid.Rows);
        Assert.Equal(25, grid.Points.Count);
        Assert.Equal([10, 12.5, 15, 17.5, 20], grid.Coordinates[0]);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], grid.Coordinates[1]);
        // Row 3, column 1: x[2] = 12.5 (column), x[0] = 0.5 (row), x[1] held at the anchor.
        Assert.Equal([0.5, 3, 12.5], grid.Points[3 * 5 + 1].ToArray());
    }

    [Fact]
    public void Ends_are_the_box_bounds_exactly()
    {
        var box = new Box([0.1], [0.7]);
        var grid = SliceGrid.Create(box, [0], [0.3], resolution: 7);
        Assert.Equal(0.1, grid.Coordinates[0][0]);
        Assert.Equal(0.7, grid.Coordinates[0][^1]);
        Assert.True(grid.Coordinates[0].Zip(grid.Coordinates[0].Skip(1)).All(pair => pair.First < pair.Second));
    }

    [Fact]
    public void Line_has_one_row_and_keeps_the_other_coordinates()
    {
        var grid = SliceGrid.Create(Cube, [1], [0.5, 0, 12], resolution: 3);
        Assert.Equal(1, grid.Rows);
        Assert.Equal(3, grid.Points.Count);
        Assert.Equal([0.5, 4, 12], grid.Points[2].ToArray());
    }

    [Fact]
    public void Evaluate_gives_the_function_at_each_grid_point()
    {
        // Sphere is Σ x², so every grid value can be checked by hand.
        var sphere = BenchmarkFunctions.Find("sphere")!;
        var grid = SliceGrid.Create(Cube, [0, 1], [0, 0, 10], resolution: 3);
        var values = grid.Evaluate(sphere);
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                double x0 = grid.Coordinates[0][column], x1 = grid.Coordinates[1][row];
                Assert.Equal(x0 * x0 + x1 * x1 + 100, values[row * 3 + column], 12);
            }
        }
    }

    [Theory]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 0, 3 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 0, 1, 2 })]
    public void Rejects_axes_that_are_not_one_or_two_distinct_axes_of_the_box(int[] axes) =>
        Assert.Throws<ArgumentException>(() => SliceGrid.Create(Cube, axes, [0, 0, 10], resolution: 4));

    [Fact]
    public void Rejects_an_anchor_of_the_wrong_dimension_and_a_resolution_below_two()
    {
        Assert.Throws<ArgumentException>(() => SliceGrid.Create(Cube, [0, 1], [0, 0], resolution: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SliceGrid.Create(Cube, [0, 1], [0, 0, 10], resolution: 1));
    }
}
