namespace SurrogateService.Api.Work;

/// <summary>
/// Where long work keeps its checkpoints when it runs as a job (the job's execution; none for a synchronous
/// request): the state to resume from, and a place to store a new one. Storing may also stop the work (the
/// job was cancelled, or its worker is stopping) by throwing.
/// </summary>
public interface IWorkCheckpoints
{
    /// <summary>The state of the last checkpoint, null when the work starts afresh.</summary>
    T? ResumeState<T>() where T : class;

    /// <summary>Stores a state the work can resume from (or defers it, see <c>Jobs:CheckpointIntervalMilliseconds</c>).</summary>
    void Checkpoint<T>(T state) where T : notnull;
}
