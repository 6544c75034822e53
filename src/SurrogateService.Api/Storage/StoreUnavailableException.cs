namespace SurrogateService.Api.Storage;

/// <summary>
/// The store could not be reached or answered with a server fault after the client's retries. The
/// request is answered 503 with Retry-After (<see cref="StoreUnavailableHandler"/>); what was being
/// written is either whole or absent, never half there.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
