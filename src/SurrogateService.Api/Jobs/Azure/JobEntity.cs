using Azure.Data.Tables;

namespace SurrogateService.Api.Jobs.Azure;

/// <summary>A job record as a table entity: partition key the owner key, row key the job id, one property per field.</summary>
internal static class JobEntity
{
    public static TableEntity FromRecord(JobRecord record) => new(record.Owner, record.Id)
    {
        [nameof(JobRecord.Kind)] = record.Kind,
        [nameof(JobRecord.Status)] = record.Status,
        [nameof(JobRecord.RequestHash)] = record.RequestHash,
        [nameof(JobRecord.CreatedAt)] = record.CreatedAt,
        [nameof(JobRecord.UpdatedAt)] = record.UpdatedAt,
        [nameof(JobRecord.StartedAt)] = record.StartedAt,
        [nameof(JobRecord.FinishedAt)] = record.FinishedAt,
        [nameof(JobRecord.Attempts)] = record.Attempts,
        [nameof(JobRecord.Events)] = record.Events,
        [nameof(JobRecord.Progress)] = record.Progress,
        [nameof(JobRecord.Error)] = record.Error,
        [nameof(JobRecord.ResultStatus)] = record.ResultStatus,
        [nameof(JobRecord.ResultContentType)] = record.ResultContentType,
        [nameof(JobRecord.ResultFileName)] = record.ResultFileName,
        [nameof(JobRecord.ResultLocation)] = record.ResultLocation,
    };

    public static JobRecord ToRecord(TableEntity entity) => new()
    {
        Owner = entity.PartitionKey,
        Id = entity.RowKey,
        Kind = entity.GetString(nameof(JobRecord.Kind)),
        Status = entity.GetString(nameof(JobRecord.Status)),
        RequestHash = entity.GetString(nameof(JobRecord.RequestHash)),
        CreatedAt = entity.GetDateTimeOffset(nameof(JobRecord.CreatedAt)) ?? default,
        UpdatedAt = entity.GetDateTimeOffset(nameof(JobRecord.UpdatedAt)) ?? default,
        StartedAt = entity.GetDateTimeOffset(nameof(JobRecord.StartedAt)),
        FinishedAt = entity.GetDateTimeOffset(nameof(JobRecord.FinishedAt)),
        Attempts = entity.GetInt32(nameof(JobRecord.Attempts)) ?? 0,
        Events = entity.GetInt32(nameof(JobRecord.Events)) ?? 0,
        Progress = entity.GetString(nameof(JobRecord.Progress)),
        Error = entity.GetString(nameof(JobRecord.Error)),
        ResultStatus = entity.GetInt32(nameof(JobRecord.ResultStatus)),
        ResultContentType = entity.GetString(nameof(JobRecord.ResultContentType)),
        ResultFileName = entity.GetString(nameof(JobRecord.ResultFileName)),
        ResultLocation = entity.GetString(nameof(JobRecord.ResultLocation)),
        ETag = entity.ETag.ToString(),
    };
}
