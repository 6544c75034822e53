namespace SurrogateService.Numerics.Surrogates;

/// <summary>How far a surrogate's predictions are from the truth, point by point and overall.</summary>
public static class ErrorMetrics
{
    /// <summary>|truth − predicted| for every point.</summary>
    public static double[] AbsoluteErrors(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        RequireSameLength(truth, predicted);
        var errors = new double[truth.Length];
        for (int i = 0; i < errors.Length; i++)
            errors[i] = Math.Abs(truth[i] - predicted[i]);
        return errors;
    }

    /// <summary>√(Σ (truth − predicted)² / n).</summary>
    public static double RootMeanSquareError(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        RequireSameLength(truth, predicted);
        if (truth.IsEmpty)
            throw new ArgumentException("At least one value is required.", nameof(truth));
        double sum = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double difference = truth[i] - predicted[i];
            sum += difference * difference;
        }
        return Math.Sqrt(sum / truth.Length);
    }

    private static void RequireSameLength(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        if (truth.Length != predicted.Length)
            throw new ArgumentException($"{truth.Length} true values but {predicted.Length} predictions.", nameof(predicted));
    }
}
