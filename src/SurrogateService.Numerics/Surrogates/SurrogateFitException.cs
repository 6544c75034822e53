namespace SurrogateService.Numerics.Surrogates;

/// <summary>The data or parameters cannot make a model; the message is written for the client.</summary>
public sealed class SurrogateFitException : Exception
{
    public SurrogateFitException(string message)
        : base(message)
    {
    }

    public SurrogateFitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SurrogateFitException()
    {
    }

    /// <summary>The request field the problem lies in, when the kind knows it (e.g. "options.n"); null means the training data.</summary>
    public string? Field { get; init; }
}
