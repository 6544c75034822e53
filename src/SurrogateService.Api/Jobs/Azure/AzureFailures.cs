using Azure;

namespace SurrogateService.Api.Jobs.Azure;

/// <summary>
/// Turns what the Azure SDK throws when the account cannot be reached (after its own retries) or
/// answers with a server fault into <see cref="JobStorageUnavailableException"/>; a client error (4xx)
/// other than a timeout or throttling stays what it is, a bug to see.
/// </summary>
internal static class AzureFailures
{
    public static async Task<T> Guard<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (JobStorageUnavailableException)
        {
            throw;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new JobStorageUnavailableException($"{what}: {ex.Message.Split('\n')[0]}", ex);
        }
    }

    public static Task Guard(Func<Task> call, string what) => Guard(async () =>
    {
        await call();
        return true;
    }, what);

    private static bool IsUnavailable(Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or IOException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnavailable),
        OperationCanceledException => false,
        _ => ex.InnerException is { } inner && IsUnavailable(inner),
    };
}
