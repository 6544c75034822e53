using System.Text.RegularExpressions;

namespace SurrogateService.Infra.Tests;

/// <summary>Role ids live in one file and each is a documented built-in role.</summary>
public partial class BuiltInRoleTests
{
    private static readonly string RolesFile = Path.Combine(RepositoryFiles.InfraDirectory, "built-in-roles.bicep");

    [Fact]
    public void Every_role_assignment_grants_a_documented_built_in_role()
    {
        var assignments = DeploymentSnapshot.Release.ResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, assignment =>
        {
            string roleDefinitionId = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
            Assert.Contains(roleDefinitionId.Split('/')[^1], DocumentedBuiltInRoles.IdsByName.Values);
        });
    }

    [Fact]
    public void The_roles_file_names_each_id_as_the_documentation_does()
    {
        var declared = RoleEntry().Matches(File.ReadAllText(RolesFile))
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["id"].Value);

        Assert.NotEmpty(declared);
        Assert.All(declared, role => Assert.Equal(DocumentedBuiltInRoles.IdsByName[role.Key], role.Value));
    }

    [Fact]
    public void No_other_template_writes_a_guid()
    {
        var others = Directory.EnumerateFiles(RepositoryFiles.InfraDirectory, "*.bicep*", SearchOption.AllDirectories)
            .Where(path => path != RolesFile)
            .Where(path => Guid().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryFiles.InfraDirectory, path));

        Assert.Empty(others);
    }

    [GeneratedRegex(@"(?<name>\w+):\s*'(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")]
    private static partial Regex RoleEntry();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
