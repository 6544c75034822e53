using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Checks what part of a box a figure shows — <c>dimensions</c> (the plotted axes), <c>slice</c> (the
/// point the other coordinates are held at) and <c>resolution</c> — and builds the grid.
/// </summary>
public static class SliceReader
{
    public const int DefaultResolution = 101;

    /// <param name="anchor">Where the other coordinates are held when the request gives no slice; by default the box centre.</param>
    public static SliceGrid? Read(int[]? dimensions, double[]? slice, int? resolution, Box box, RequestErrors errors, LimitsOptions limits, double[]? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(box);
        var axes = ReadAxes(dimensions, box.Dimension, errors);
        var point = slice is null ? anchor ?? Centre(box) : ReadSlice(slice, box, errors);
        int r = resolution ?? DefaultResolution;
        if (r < 2 || r > limits.MaxPlotResolution)
        {
            errors.Add("resolution", $"Must be between 2 and {limits.MaxPlotResolution} grid points per axis.");
            return null;
        }
        return axes is null || point is null ? null : SliceGrid.Create(box, axes, point, r);
    }

    private static int[]? ReadAxes(int[]? dimensions, int d, RequestErrors errors)
    {
        if (d == 1)
        {
            if (dimensions is null || dimensions is [0])
                return [0];
            errors.Add("dimensions", "A one-dimensional function or model is plotted along its only axis: leave out dimensions or give [0].");
            return null;
        }
        if (dimensions is null)
            return [0, 1];
        if (dimensions.Length != 2)
        {
            errors.Add("dimensions", "Must name exactly two axes, e.g. [0, 1].");
            return null;
        }
        bool valid = true;
        for (int k = 0; k < 2; k++)
        {
            if (dimensions[k] < 0 || dimensions[k] >= d)
            {
                errors.Add($"dimensions[{k}]", $"Must be an axis between 0 and {d - 1}.");
                valid = false;
            }
        }
        if (valid && dimensions[0] == dimensions[1])
        {
            errors.Add("dimensions", "The two axes must differ.");
            valid = false;
        }
        return valid ? dimensions : null;
    }

    private static double[]? ReadSlice(double[] slice, Box box, RequestErrors errors)
    {
        if (slice.Length != box.Dimension)
        {
            errors.Add("slice", $"Has {slice.Length} coordinates, expected {box.Dimension}.");
            return null;
        }
        bool valid = true;
        for (int k = 0; k < slice.Length; k++)
        {
            if (!(slice[k] >= box.Lower[k] && slice[k] <= box.Upper[k]))
            {
                errors.Add($"slice[{k}]", $"Must lie in [{box.Lower[k]}, {box.Upper[k]}].");
                valid = false;
            }
        }
        return valid ? slice : null;
    }

    private static double[] Centre(Box box)
    {
        var centre = new double[box.Dimension];
        for (int k = 0; k < centre.Length; k++)
            centre[k] = 0.5 * (box.Lower[k] + box.Upper[k]);
        return centre;
    }
}
