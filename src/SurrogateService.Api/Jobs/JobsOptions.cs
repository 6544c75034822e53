using System.ComponentModel.DataAnnotations;

namespace SurrogateService.Api.Jobs;

/// <summary>Asynchronous jobs (configuration section <c>Jobs</c>): where they are kept and how workers take them.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>The Table storage table of job records (with Blob storage, see <c>Storage</c>).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "jobs";

    /// <summary>The storage queue workers take jobs from; the Container Apps Job's KEDA rule watches it.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string QueueName { get; set; } = "jobs";

    /// <summary>The blob container of job requests, checkpoints and results.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ContainerName { get; set; } = "jobs";

    /// <summary>Worker loops inside the API process (Development: 1, so that <c>dotnet run</c> runs jobs itself); 0 where a separate worker (Mode=Worker) takes the queue.</summary>
    [Range(0, 64)]
    public int InProcessWorkers { get; set; }

    /// <summary>How long a taken message stays hidden from other workers; the worker renews it every third of this while it works, so only a dead worker's message reappears.</summary>
    [Range(1, 3_600)]
    public int VisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>Deliveries of a job's message before it is given up as poison and the job marked failed with the last error.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long an attempt that threw waits before the message is delivered again.</summary>
    [Range(0, 3_600)]
    public int RetryDelaySeconds { get; set; } = 5;

    /// <summary>
    /// The least time between two stored checkpoints of a run: a round that ends sooner is checkpointed with
    /// a later one (the cancellation check is made after every round all the same). 0: after every round.
    /// It bounds what checkpoints cost a run of cheap rounds; a resumed job only repeats the rounds since.
    /// </summary>
    [Range(0, 600_000)]
    public int CheckpointIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// Steps between two checkpoints of a wave simulation job (taken between frames; further spaced by
    /// <see cref="CheckpointIntervalMilliseconds"/>). A checkpoint holds the three fields (24 bytes a cell, written as
    /// JSON numbers) and the answer so far, so on large grids fewer are cheaper; a resumed job repeats at most this many steps.
    /// </summary>
    [Range(1, 10_000_000)]
    public int WaveCheckpointSteps { get; set; } = 500;

    /// <summary>How often an idle in-process worker looks at the queue.</summary>
    [Range(10, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 250;

    /// <summary>The Retry-After of a 202 and of the status of an unfinished job, and of a 503 when the storage cannot be reached.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Worker mode: how long the process waits on an empty queue before it exits (a message hidden by a dead worker reappears within the visibility timeout).</summary>
    [Range(0, 3_600)]
    public int WorkerIdleExitSeconds { get; set; } = 90;
}
