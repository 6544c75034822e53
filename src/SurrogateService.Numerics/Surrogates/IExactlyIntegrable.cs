using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>A model whose integral over a box has a closed form (e.g. Lobachevsky splines).</summary>
public interface IExactlyIntegrable
{
    double Integrate(Box box);
}
