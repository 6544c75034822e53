using System.Globalization;

namespace SurrogateService.Infra.Tests;

/// <summary>Only the vCPU/memory pairs the Consumption workload profile allows can be deployed.</summary>
public class ReplicaSizeTests
{
    /// <summary>
    /// 0.25 to 4 vCPU in steps of 0.25, each with twice as many GiB:
    /// https://learn.microsoft.com/azure/container-apps/containers#allocations
    /// </summary>
    private static readonly Dictionary<string, string> DocumentedPairs = Enumerable.Range(1, 16).ToDictionary(
        step => (step * 0.25).ToString("0.0#", CultureInfo.InvariantCulture),
        step => (step * 0.5).ToString("0.0", CultureInfo.InvariantCulture) + "Gi");

    [Fact]
    public void The_allowed_vcpu_values_and_their_memory_are_the_documented_pairs()
    {
        var cpuParameter = CompiledTemplate.OfMain.Root.GetProperty("parameters").GetProperty("cpuCores");
        var memoryForCpu = CompiledTemplate.OfMain.Root.GetProperty("variables").GetProperty("memoryForCpu")
            .EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetString()!);

        Assert.Equal(DocumentedPairs.Keys.Order(), cpuParameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).Order());
        Assert.Equal(DocumentedPairs.OrderBy(p => p.Key), memoryForCpu.OrderBy(p => p.Key));
        Assert.False(CompiledTemplate.OfMain.Root.GetProperty("parameters").TryGetProperty("memory", out _), "Memory follows the vCPU; it is no parameter of its own.");
    }

    [Fact]
    public void A_chosen_vcpu_value_deploys_with_its_memory()
    {
        var resources = DeploymentSnapshot.Predict($"param apiClientId = '{DeploymentSnapshot.ApiClientId}'", "param cpuCores = '0.5'")
            .Container.GetProperty("resources");

        Assert.Equal(0.5, resources.GetProperty("cpu").GetDouble());
        Assert.Equal("1.0Gi", resources.GetProperty("memory").GetString());
    }

    [Theory]
    [InlineData("param cpuCores = '0.3'")]
    [InlineData("param memory = '1Gi'")]
    public void Other_sizes_are_refused(string parameterLine)
    {
        var (result, snapshot) = DeploymentSnapshot.TryPredict($"param apiClientId = '{DeploymentSnapshot.ApiClientId}'", parameterLine);

        Assert.Null(snapshot);
        Assert.NotEqual(0, result.ExitCode);
    }
}
