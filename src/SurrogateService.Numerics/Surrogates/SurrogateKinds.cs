namespace SurrogateService.Numerics.Surrogates;

/// <summary>The surrogate kinds the service offers, looked up by name (case-insensitive).</summary>
public static class SurrogateKinds
{
    public static IReadOnlyList<ISurrogateKind> All { get; } =
    [
        new KrigingKind(),
        new RadialBasisKind(),
        new InverseDistanceKind(),
        new LobachevskyKind(),
        new WendlandKind(),
        PolynomialRegressionKind.Linear,
        PolynomialRegressionKind.SecondOrder,
        new NeuralNetworkKind(),
        new PolynomialChaosKind(),
        new RandomForestKind(),
        new GradientBoostingKind(),
        new SupportVectorKind(),
        new MixtureOfExpertsKind(),
    ];

    public static ISurrogateKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
