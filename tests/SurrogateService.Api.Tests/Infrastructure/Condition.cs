namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// Waits for a condition of the system under test instead of for a time: polls often, and gives up
/// only after a deadline far beyond any loaded machine's delay, naming what never happened.
/// </summary>
public static class Condition
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static Task WaitUntil(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitUntilAsync(() => Task.FromResult(condition()), what);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(Deadline);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"Never happened within {Deadline.TotalMinutes} minutes: {what}.");
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
