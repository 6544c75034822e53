namespace SurrogateService.Api.Tests.Hostile;

/// <summary>A small valid body for every POST endpoint: the seeds the hostile cases grow from.</summary>
public static class ExampleBodies
{
    private const string Fit =
        """{"kind":"kriging","points":[[0,0],[1,0],[0,1],[1,1],[0.5,0.5]],"values":[1,2,3,4,2.5],"lowerBound":[0,0],"upperBound":[1,1],"options":{"theta":"heuristic","p":[1.9,1.9]}}""";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["/v1/functions/branin/evaluate"] = """{"points":[[0,0],[1,2]]}""",
        ["/v1/samples"] = """{"method":"latinHypercube","count":5,"lowerBound":[0,0],"upperBound":[1,1],"seed":3,"options":{"jitter":"random"}}""",
        ["/v1/surrogates/fit"] = Fit,
        ["/v1/models"] = $$"""{"fit":{{Fit}}}""",
        ["/v1/surrogates/predict"] = $$"""{"fit":{{Fit}},"points":[[0.2,0.3]],"includeStandardError":true}""",
        ["/v1/surrogates/integrate"] = $$"""{"fit":{{Fit}},"samples":64,"seed":1}""",
        ["/v1/optimization/suggest"] = """{"strategy":"ei","lowerBound":[-5,0],"upperBound":[10,15],"points":[[-2.19,4.69],[5.31,12.19],[9.06,0.94],[1.56,8.44],[0,0]],"values":[50.2,140.1,null,22.3,55.6],"batchSize":2,"seed":1}""",
        ["/v1/optimization/runs"] = """{"function":"branin","strategy":"srbf","initialSamples":{"method":"sobol","count":5},"maxEvaluations":12,"batchSize":1,"seed":2}""",
        ["/v1/sensitivity/sobol"] = $$"""{"fit":{{Fit}},"samples":256,"bootstrap":20,"seed":1}""",
        ["/v1/simulations/acoustic2d"] = """{"nx":15,"ny":11,"lx":10,"ly":8,"steps":20,"snapshotEvery":10,"cflFactor":4.1,"pulse":{"centre":[5,4],"width":1.5},"threads":1,"format":"json","stride":2}""",
        ["/v1/plots/function"] = """{"function":"branin","samples":{"method":"sobol","count":10},"resolution":21,"width":300,"height":200}""",
        ["/v1/plots/surrogate"] = $$"""{"fit":{{Fit}},"function":"sphere","resolution":21,"width":400,"height":200}""",
        ["/v1/plots/optimization"] = """{"function":"branin","trace":[{"point":[0,0],"value":55.6},{"point":[3,2],"value":1.2}],"resolution":21,"width":300,"height":200}""",
    };
}
