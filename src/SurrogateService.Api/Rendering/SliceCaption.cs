using System.Globalization;
using SurrogateService.Numerics.Slices;

namespace SurrogateService.Api.Rendering;

/// <summary>Says where a slice of a higher-dimensional function lies, for figure titles.</summary>
public static class SliceCaption
{
    private const int MostListed = 3;

    /// <summary>"" when the grid spans every coordinate, else e.g. " — slice at x[2] = 0.5, x[3] = 0.5".</summary>
    public static string Of(SliceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double[] anchor = grid.Points[0].ToArray();
        var fixedAxes = Enumerable.Range(0, anchor.Length).Where(k => !grid.Axes.Contains(k)).ToList();
        if (fixedAxes.Count == 0)
            return "";
        var listed = fixedAxes.Take(MostListed).Select(k => $"x[{k}] = {Number(anchor[k])}");
        string more = fixedAxes.Count > MostListed ? $" and {fixedAxes.Count - MostListed} more" : "";
        return " — slice at " + string.Join(", ", listed) + more;
    }

    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
