namespace SurrogateService.Api.Jobs.Folder;

/// <summary>
/// An exclusive lock held through a lock file opened with FileShare.None, which .NET on Unix takes
/// as an advisory flock: it excludes other processes too (the worker processes of a folder queue),
/// and the kernel releases it when its holder dies, even by SIGKILL.
/// </summary>
internal static class FolderLock
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited.Elapsed < Patience)
            {
                await Task.Delay(5, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new JobStorageUnavailableException($"The lock {Path.GetFileName(path)} stayed taken for {Patience.TotalSeconds:F0} s.", ex);
            }
        }
    }

    /// <summary>Replaces a file atomically: readers see the old content or the new, never part of it.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content.ToArray());
        File.Move(temporary, path, overwrite: true);
    }
}
