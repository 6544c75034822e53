namespace SurrogateService.Api.Validation;

/// <summary>Collects field errors of one request and turns them into a 400 validation problem.</summary>
public sealed class RequestErrors
{
    /// <summary>Enough to fix a request, few enough that a huge bad array cannot blow up the response.</summary>
    private const int MaxErrors = 20;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private int _count;

    public bool IsEmpty => _count == 0;

    public void Add(string field, string message)
    {
        if (_count >= MaxErrors)
            return;
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        _count++;
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), title: "The request is invalid.");
}
