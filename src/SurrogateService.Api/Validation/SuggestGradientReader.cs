using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>Checks the objective's gradients of a suggest request: one entry per point, null or one finite number per dimension, and a Kriging surrogate to use them.</summary>
public static class SuggestGradientReader
{
    public static double[]?[]? Read(double[]?[]? gradients, PointSet? points, SurrogateChoice? surrogate, RequestErrors errors, int maxObservations)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (gradients is null)
            return null;
        if (surrogate is not null && surrogate.Kind is not KrigingKind)
        {
            errors.Add("gradients", $"Only a kriging surrogate uses gradients (gradient-enhanced Kriging); {surrogate.Kind.Name} does not. Use ei or lcb, whose surrogate is kriging.");
            return null;
        }
        if (points is null)
            return null;
        if (gradients.Length != points.Count)
        {
            errors.Add("gradients", $"Has {gradients.Length} entries, expected one per point ({points.Count}); use null for a point without a gradient.");
            return null;
        }
        bool valid = true;
        for (int i = 0; i < gradients.Length; i++)
        {
            if (gradients[i] is not { } gradient)
                continue;
            if (gradient.Length != points.Dimension || !Array.TrueForAll(gradient, double.IsFinite))
            {
                errors.Add($"gradients[{i}]", $"Must hold {points.Dimension} finite numbers, one per dimension.");
                valid = false;
            }
        }
        return valid && GradientObservationLimit.Check(gradients, points.Count, "gradients", errors, maxObservations) ? gradients : null;
    }
}
