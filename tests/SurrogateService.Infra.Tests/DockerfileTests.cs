using System.Text.Json;
using System.Xml.Linq;

namespace SurrogateService.Infra.Tests;

public class DockerfileTests
{
    private static readonly IReadOnlyList<DockerInstruction> Instructions = DockerInstruction.ReadAll(RepositoryFiles.Dockerfile);

    private static IEnumerable<DockerInstruction> RuntimeStage =>
        Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"));

    [Fact]
    public void Image_listens_on_the_port_the_container_app_targets()
    {
        var exposed = Assert.Single(RuntimeStage, i => i.Keyword == "EXPOSE").Arguments;
        var httpPorts = Assert.Single(RuntimeStage, i => i.Keyword == "ENV" && i.Arguments.StartsWith("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal))
            .Arguments.Split('=')[1];
        var targetPort = DeploymentSnapshot.Release.ContainerApp.GetProperty("properties").GetProperty("configuration")
            .GetProperty("ingress").GetProperty("targetPort").GetInt32();

        Assert.Equal(exposed, httpPorts);
        Assert.Equal(targetPort.ToString(System.Globalization.CultureInfo.InvariantCulture), exposed);
    }

    [Fact]
    public void Runtime_stage_is_chiseled_and_runs_as_the_app_user()
    {
        Assert.Contains("-chiseled", RuntimeStage.First().Arguments, StringComparison.Ordinal);
        Assert.Equal("$APP_UID", Assert.Single(RuntimeStage, i => i.Keyword == "USER").Arguments);
    }

    [Fact]
    public void Entrypoint_runs_the_api_assembly_in_exec_form()
    {
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(RuntimeStage, i => i.Keyword == "ENTRYPOINT").Arguments)!;
        var assemblyName = XDocument.Load(RepositoryFiles.ApiProject).Descendants("AssemblyName").SingleOrDefault()?.Value
            ?? Path.GetFileNameWithoutExtension(RepositoryFiles.ApiProject);

        Assert.Equal(["dotnet", $"{assemblyName}.dll"], entrypoint);
    }

    [Fact]
    public void Restore_layer_copies_every_project_the_api_builds_from()
    {
        var restoreIndex = Instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = Instructions.Take(restoreIndex).Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToHashSet();

        Assert.True(restoreIndex > 0, "The Dockerfile restores in a RUN of its own.");
        Assert.All(ProjectClosure(RepositoryFiles.ApiProject), project => Assert.Contains(project, copiedBeforeRestore));
    }

    /// <summary>The project and every project it references, directly or not, relative to the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, r.Attribute("Include")!.Value.Replace('\\', '/'))));
        return references.SelectMany(ProjectClosure)
            .Prepend(Path.GetRelativePath(RepositoryFiles.Root, project).Replace('\\', '/'))
            .Distinct();
    }
}
