using ScottPlot;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Rendering;

/// <summary>A multi-objective run: the objective values of every evaluation (NaN where it failed) and the hypervolume after each.</summary>
public sealed record PlottedObjectiveTrace(double[][] Objectives, double[] Hypervolume);

/// <summary>
/// A multi-objective run: the hypervolume against evaluations (with the true front's as a line), and
/// the first two objectives of every evaluation with the front found and the problem's true front.
/// </summary>
public static class ParetoFigure
{
    public static byte[] Render(IBenchmarkProblem problem, int dimension, PlottedObjectiveTrace run, ImageOptions image)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(run);
        var truth = problem.ParetoFront(dimension);
        using var convergence = Convergence(run, truth);
        using var objectives = ObjectiveSpace(run, truth);
        string known = truth is null ? "" : $" (true front {SliceCaption.Number(truth.Hypervolume)})";
        string title = $"Multi-objective optimisation of {problem.Name}: hypervolume {SliceCaption.Number(run.Hypervolume[^1])} after {run.Objectives.Length} evaluations{known}";
        return Figure.ToPng(image, title, [convergence, objectives]);
    }

    private static Plot Convergence(PlottedObjectiveTrace run, KnownParetoFront? truth)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title("Hypervolume so far");
        plot.XLabel("evaluation");
        plot.YLabel("hypervolume");
        var evaluation = Enumerable.Range(1, run.Hypervolume.Length).Select(i => (double)i).ToArray();
        var line = plot.Add.ScatterLine(evaluation, run.Hypervolume);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2.5f;
        line.Color = Colors.Blue;
        line.LegendText = "hypervolume";
        if (truth is not null)
        {
            var reference = plot.Add.HorizontalLine(truth.Hypervolume, 1.5f, Colors.Magenta, LinePattern.Dashed);
            reference.LegendText = "true front";
        }
        FieldPanel.ShowLegend(plot);
        return plot;
    }

    private static Plot ObjectiveSpace(PlottedObjectiveTrace run, KnownParetoFront? truth)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(run.Objectives[0].Length > 2 ? "Objectives 1 and 2" : "Objectives");
        plot.XLabel("f1");
        plot.YLabel("f2");
        var succeeded = run.Objectives.Where(o => !Array.Exists(o, double.IsNaN)).ToArray();
        if (succeeded.Length > 0)
        {
            var all = plot.Add.ScatterPoints(succeeded.Select(o => o[0]).ToArray(), succeeded.Select(o => o[1]).ToArray());
            all.Color = Colors.Gray.WithAlpha(0.6);
            all.MarkerSize = 5;
            all.LegendText = $"{succeeded.Length} evaluations";
            var front = ParetoDominance.NondominatedIndices(succeeded).Select(i => succeeded[i]).OrderBy(o => o[0]).ToArray();
            var found = plot.Add.ScatterLine(front.Select(o => o[0]).ToArray(), front.Select(o => o[1]).ToArray());
            // The boundary of the dominated region: from each point right to the next one's f1, then down.
            found.ConnectStyle = ConnectStyle.StepHorizontal;
            found.Color = Colors.Blue;
            found.LineWidth = 2;
            found.MarkerSize = 7;
            found.LegendText = run.Objectives[0].Length > 2 ? "non-dominated (all objectives)" : "front found";
        }
        if (truth is not null)
        {
            // Drawn last, so that the front found does not hide it; as points, since a front may be disconnected (ZDT3).
            var line = plot.Add.ScatterPoints(truth.Values.Select(v => v[0]).ToArray(), truth.Values.Select(v => v[1]).ToArray());
            line.Color = Colors.Magenta;
            line.MarkerSize = 3;
            line.LegendText = "true front";
            FrameToFronts(plot, ParetoDominance.NondominatedIndices(succeeded).Select(i => succeeded[i]).ToArray(), truth);
        }
        FieldPanel.ShowLegend(plot);
        return plot;
    }

    /// <summary>
    /// Frames the objective space around the two fronts (found and true) with a margin: a few far-off
    /// evaluations would otherwise squash them into a corner.
    /// </summary>
    private static void FrameToFronts(Plot plot, double[][] found, KnownParetoFront truth)
    {
        var both = found.Concat(truth.Values).ToArray();
        double low1 = both.Min(v => v[0]), high1 = both.Max(v => v[0]);
        double low2 = both.Min(v => v[1]), high2 = both.Max(v => v[1]);
        double margin1 = 0.08 * Math.Max(high1 - low1, 1e-9), margin2 = 0.08 * Math.Max(high2 - low2, 1e-9);
        plot.Axes.SetLimits(low1 - margin1, high1 + margin1, low2 - margin2, high2 + margin2);
        plot.Title("Objectives, around the fronts");
    }
}
