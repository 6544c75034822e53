namespace SurrogateService.Api.Streaming;

/// <summary>How the snapshots of a simulation are delivered.</summary>
public enum SnapshotFormat
{
    /// <summary>application/json: grid spacing, time step and every frame's pressure rows.</summary>
    Json,

    /// <summary>application/x-npy: one array of shape (frames, ny, nx).</summary>
    Npy,

    /// <summary>image/png: one frame in viridis.</summary>
    Png,

    /// <summary>image/gif: every frame, animated, in viridis.</summary>
    Gif,
}
