using System.Text.Json;

namespace SurrogateService.Infra.Tests;

/// <summary>
/// Asynchronous jobs in Azure: the queue, table and container beside the models, the worker as an
/// event-driven Container Apps Job scaled by KEDA's azure-queue rule with its own identity, and data
/// roles scoped to those three resources for the worker and the app.
/// </summary>
public class JobWorkerTests
{
    private static readonly DeploymentSnapshot Release = DeploymentSnapshot.Release;

    private static JsonElement Job => Release.Single("Microsoft.App/jobs");

    private static JsonElement Configuration => Job.GetProperty("properties").GetProperty("configuration");

    [Fact]
    public void The_worker_is_an_event_driven_job_scaled_by_the_jobs_queue_with_its_own_identity()
    {
        var trigger = Configuration.GetProperty("eventTriggerConfig");
        var rule = Assert.Single(trigger.GetProperty("scale").GetProperty("rules").EnumerateArray());
        string account = Release.Single("Microsoft.Storage/storageAccounts").GetProperty("name").GetString()!;

        Assert.Equal("Event", Configuration.GetProperty("triggerType").GetString());
        Assert.Equal(0, trigger.GetProperty("scale").GetProperty("minExecutions").GetInt32());
        Assert.Equal("azure-queue", rule.GetProperty("type").GetString());
        Assert.Equal("system", rule.GetProperty("identity").GetString());
        Assert.False(rule.TryGetProperty("auth", out _), "The scaler reads the queue with the identity, not a secret.");
        Assert.Equal(account, rule.GetProperty("metadata").GetProperty("accountName").GetString());
        Assert.Equal("jobs", rule.GetProperty("metadata").GetProperty("queueName").GetString());
        Assert.Contains("SystemAssigned", Job.GetProperty("identity").GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_execution_may_outlast_any_request_and_the_platform_retries_are_bounded()
    {
        int timeout = Configuration.GetProperty("replicaTimeout").GetInt32();
        int retries = Configuration.GetProperty("replicaRetryLimit").GetInt32();

        // Four hours by default; a request must end within the ingress's 240 s.
        Assert.Equal(14_400, timeout);
        Assert.InRange(retries, 0, 3);
        Assert.Equal("10", Environment()["Jobs__MaxAttempts"]);
    }

    [Fact]
    public void The_worker_runs_the_apps_image_in_worker_mode_against_the_same_account()
    {
        var env = Environment();
        var app = Release.Container;
        string appBlobEndpoint = app.GetProperty("env").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "Storage__BlobServiceUri").GetProperty("value").GetString()!;

        Assert.Equal("Worker", env["Mode"]);
        Assert.Equal(appBlobEndpoint, env["Storage__BlobServiceUri"]);
        // Model-store jobs write the models where the app reads them.
        Assert.Equal(app.GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Storage__ModelsContainer").GetProperty("value").GetString(),
            env["Storage__ModelsContainer"]);
        Assert.Equal(app.GetProperty("image").GetString(), WorkerContainer.GetProperty("image").GetString());
        Assert.False(env.ContainsKey("Storage__ConnectionString"));
    }

    [Fact]
    public void The_queue_table_and_private_container_of_the_jobs_exist()
    {
        Assert.EndsWith("/default/jobs", Release.Single("Microsoft.Storage/storageAccounts/queueServices/queues").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/default/jobs", Release.Single("Microsoft.Storage/storageAccounts/tableServices/tables").GetProperty("name").GetString(), StringComparison.Ordinal);
        var container = Assert.Single(Release.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => c.GetProperty("name").GetString()!.EndsWith("/default/jobs", StringComparison.Ordinal));
        Assert.Equal("None", container.GetProperty("properties").GetProperty("publicAccess").GetString());
    }

    [Theory]
    [InlineData("worker", "queues/jobs", "StorageQueueDataContributor")]
    [InlineData("worker", "tables/jobs", "StorageTableDataContributor")]
    [InlineData("worker", "containers/jobs", "StorageBlobDataContributor")]
    [InlineData("worker", "containers/models", "StorageBlobDataContributor")]
    [InlineData("app", "queues/jobs", "StorageQueueDataContributor")]
    [InlineData("app", "tables/jobs", "StorageTableDataContributor")]
    public void Each_identity_holds_its_data_role_on_that_one_resource(string who, string resource, string role)
    {
        string owner = who == "worker" ? Job.GetProperty("id").GetString()! : Release.ContainerApp.GetProperty("id").GetString()!;
        var assignments = Release.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Select(a => (Id: a.GetProperty("id").GetString()!, Properties: a.GetProperty("properties")))
            .Where(a => a.Properties.GetProperty("principalId").GetString()!.Contains($"reference('{owner}'", StringComparison.Ordinal))
            .Where(a => a.Properties.GetProperty("roleDefinitionId").GetString()!.EndsWith(DocumentedBuiltInRoles.IdsByName[role], StringComparison.Ordinal))
            .ToList();

        var assignment = Assert.Single(assignments, a => a.Id.Contains(resource, StringComparison.Ordinal));
        Assert.Equal("ServicePrincipal", assignment.Properties.GetProperty("principalType").GetString());
    }

    [Fact]
    public void The_app_gets_no_blob_role_on_the_jobs_container_beyond_its_account_wide_one()
    {
        string app = Release.ContainerApp.GetProperty("id").GetString()!;
        var appAssignments = Release.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.GetProperty("properties").GetProperty("principalId").GetString()!.Contains($"reference('{app}'", StringComparison.Ordinal))
            .Select(a => a.GetProperty("id").GetString()!);

        Assert.DoesNotContain(appAssignments, id => id.Contains("containers/jobs", StringComparison.Ordinal));
    }

    private static JsonElement WorkerContainer =>
        Assert.Single(Job.GetProperty("properties").GetProperty("template").GetProperty("containers").EnumerateArray());

    private static Dictionary<string, string?> Environment() =>
        WorkerContainer.GetProperty("env").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
}
