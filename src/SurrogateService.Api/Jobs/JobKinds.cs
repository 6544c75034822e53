using SurrogateService.Api.Jobs.Kinds;

namespace SurrogateService.Api.Jobs;

/// <summary>The routes that run as jobs, by the name their records keep.</summary>
public sealed class JobKinds(IEnumerable<IJobKind> kinds)
{
    private readonly Dictionary<string, IJobKind> _byName = kinds.ToDictionary(kind => kind.Name, StringComparer.Ordinal);

    public IJobKind? Find(string name) => _byName.GetValueOrDefault(name);
}
