using System.Text.Json;

namespace SurrogateService.Infra.Tests;

/// <summary>The ARM JSON that <c>bicep build</c> makes of main.bicep; each module is a nested deployment.</summary>
internal sealed class CompiledTemplate
{
    public const string DeploymentType = "Microsoft.Resources/deployments";

    private static readonly Lazy<CompiledTemplate> Main = new(Build);

    private CompiledTemplate(JsonElement root) => Root = root;

    public static CompiledTemplate OfMain => Main.Value;

    public JsonElement Root { get; }

    /// <summary>The resources, whether listed (language version 1) or keyed by symbolic name (2.0, which imports bring).</summary>
    public IEnumerable<JsonElement> Resources => Root.GetProperty("resources") is { ValueKind: JsonValueKind.Object } byName
        ? byName.EnumerateObject().Select(resource => resource.Value)
        : Root.GetProperty("resources").EnumerateArray();

    public IEnumerable<JsonProperty> Parameters => Root.GetProperty("parameters").EnumerateObject();

    public JsonElement DefaultOf(string parameter) =>
        Root.GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue");

    public JsonElement Module(string name) =>
        Resources.Single(r => r.GetProperty("type").GetString() == DeploymentType && r.GetProperty("name").GetString() == name);

    public IEnumerable<(string Name, CompiledTemplate Template)> Modules =>
        Resources.Where(r => r.GetProperty("type").GetString() == DeploymentType)
            .Select(r => (r.GetProperty("name").GetString()!, new CompiledTemplate(r.GetProperty("properties").GetProperty("template"))));

    public IEnumerable<JsonElement> ResourcesOfType(string type) =>
        Resources.Where(r => r.GetProperty("type").GetString() == type);

    private static CompiledTemplate Build()
    {
        var result = BicepCli.Run("build", RepositoryFiles.MainBicep, "--stdout");
        Assert.True(result.ExitCode == 0, result.StandardError);
        return new CompiledTemplate(JsonDocument.Parse(result.StandardOutput).RootElement);
    }
}
