using System.Text.Json;
using SurrogateService.Api.Contracts;

namespace SurrogateService.Api.Jobs;

/// <summary>A job record as the caller sees it (the owner key stays inside).</summary>
public static class JobMapping
{
    public static string Location(string id) => $"/v1/jobs/{id}";

    public static JobResponse ToResponse(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var self = Location(record.Id);
        return new JobResponse(
            record.Id, record.Kind, record.Status, record.CreatedAt, record.UpdatedAt, record.StartedAt, record.FinishedAt,
            record.Attempts, record.Events,
            record.Progress is null ? null : JsonDocument.Parse(record.Progress).RootElement.Clone(),
            record.Error,
            new JobLinks(self, self + "/events", record.ResultStatus is null ? null : self + "/result"));
    }
}
