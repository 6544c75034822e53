using SurrogateService.Numerics.Models;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Models;

public class VectorModelTests
{
    private static readonly FunctionModel BraninModel = new(BenchmarkFunctions.Find("branin")!, 2);

    [Fact]
    public void Branin_evaluates_to_its_known_minimum_and_its_gradient_vanishes_there()
    {
        Assert.Equal(5 / (4 * Math.PI), BraninModel.Evaluate([[Math.PI, 2.275]], CancellationToken.None)[0][0], 1e-12);
        var gradient = ModelDerivatives.Gradient(BraninModel, [[Math.PI, 2.275]], 0, 0, [1.0], CancellationToken.None);
        Assert.All(gradient, g => Assert.Equal(0, g, 1e-10));
    }

    [Fact]
    public void Gradient_is_the_transposed_Jacobian_times_sens_and_ApplyJacobian_the_Jacobian_times_vec()
    {
        // Sphere: J = 2xᵀ, so Jᵀ·[s] = 2s·x and J·v = 2x·v.
        var sphere = new FunctionModel(BenchmarkFunctions.Find("sphere")!, 3);
        double[] x = [1, -2, 0.5];
        Assert.Equal([3.0, -6, 1.5], ModelDerivatives.Gradient(sphere, [x], 0, 0, [1.5], CancellationToken.None));
        Assert.Equal([2 * (1 * 4 + -2 * 1 + 0.5 * -2)], ModelDerivatives.ApplyJacobian(sphere, [x], 0, 0, [4.0, 1, -2], CancellationToken.None));
    }

    [Fact]
    public void Derivative_requests_check_indices_and_vector_lengths()
    {
        Assert.Contains("inWrt", Assert.Throws<ModelInputException>(() => ModelDerivatives.Gradient(BraninModel, [[0.0, 0]], 0, 1, [1.0], CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("outWrt", Assert.Throws<ModelInputException>(() => ModelDerivatives.Gradient(BraninModel, [[0.0, 0]], 1, 0, [1.0], CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("sens", Assert.Throws<ModelInputException>(() => ModelDerivatives.Gradient(BraninModel, [[0.0, 0]], 0, 0, [1.0, 2], CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("vec", Assert.Throws<ModelInputException>(() => ModelDerivatives.ApplyJacobian(BraninModel, [[0.0, 0]], 0, 0, [1.0], CancellationToken.None)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_without_an_analytic_gradient_says_so()
    {
        var ackley = new FunctionModel(BenchmarkFunctions.Find("ackley")!, 2);
        Assert.False(ackley.HasJacobian);
        Assert.Throws<NotSupportedException>(() => ModelDerivatives.Gradient(ackley, [[0.5, 0.5]], 0, 0, [1.0], CancellationToken.None));
    }

    [Fact]
    public void A_surrogate_model_predicts_and_differentiates_through_its_kind()
    {
        var kind = new RadialBasisKind();
        var data = Random(15, new([0, 0], [1, 1]), x => x[0] * x[0] + x[1], seed: 2);
        var fitted = kind.Fit(data, OptionsOf(kind));
        var model = new SurrogateModel(fitted);
        Assert.True(model.HasJacobian);
        Assert.Equal(Predict(fitted, 0.3, 0.6), model.Evaluate([[0.3, 0.6]], CancellationToken.None)[0][0]);
        var expected = new double[2];
        ((IDifferentiableModel)fitted).Gradient(Core.PointSet.FromRows([[0.3, 0.6]]), expected);
        Assert.Equal(expected, ModelDerivatives.Gradient(model, [[0.3, 0.6]], 0, 0, [1.0], CancellationToken.None));

        var idw = new InverseDistanceKind();
        var notDifferentiable = new SurrogateModel(idw.Fit(data, OptionsOf(idw)));
        Assert.False(notDifferentiable.HasJacobian);
    }
}
