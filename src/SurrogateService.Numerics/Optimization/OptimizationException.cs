namespace SurrogateService.Numerics.Optimization;

/// <summary>A suggestion is impossible for a reason the client can fix; the message is written for the client.</summary>
public sealed class OptimizationException : Exception
{
    public OptimizationException(string message)
        : base(message)
    {
    }

    public OptimizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OptimizationException()
    {
    }

    /// <summary>The request field the problem lies in (e.g. "options.minDistance"), when known.</summary>
    public string? Field { get; init; }
}
