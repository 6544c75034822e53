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
        if (truth is not null)
        {
            var sorted = truth.Values.OrderBy(v => v[0]).ToArray();
            var line = plot.Add.ScatterPoints(sorted.Select(v => v[0]).ToArray(), sorted.Select(v => v[1]).ToArray());
            line.Color = Colors.Magenta.WithAlpha(0.7);
            line.MarkerSize = 2;
            line.LegendText = "true front";
        }
        if (succeeded.Length > 0)
        {
            var all = plot.Add.ScatterPoints(succeeded.Select(o => o[0]).ToArray(), succeeded.Select(o => o[1]).ToArray());
            all.Color = Colors.Gray.WithAlpha(0.6);
            all.MarkerSize = 5;
            all.LegendText = $"{succeeded.Length} evaluations";
            var front = ParetoDominance.NondominatedIndices(succeeded).Select(i => succeeded[i]).OrderBy(o => o[0]).ToArray();
            var found = plot.Add.ScatterLine(front.Select(o => o[0]).ToArray(), front.Select(o => o[1]).ToArray());
            found.ConnectStyle = ConnectStyle.StepVertical;
            found.Color = Colors.Blue;
            found.LineWidth = 2;
            found.MarkerSize = 7;
            found.LegendText = run.Objectives[0].Length > 2 ? "non-dominated (all objectives)" : "front found";
        }
        FieldPanel.ShowLegend(plot);
        return plot;
    }
}
