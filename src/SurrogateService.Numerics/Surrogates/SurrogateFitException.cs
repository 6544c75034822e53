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
}
