using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Models;

/// <summary>
/// Models as files <c>{root}/{owner}/{id}.json</c>: Development's store, and any mounted volume. A
/// document is written to a temporary file and renamed into place, so a reader sees it whole or not at all.
/// </summary>
public sealed class FolderModelStore(StorageLocation location) : IModelStore
{
    private readonly string _root = Path.Combine(location.FolderPath ?? throw new ArgumentException("A folder store needs a folder.", nameof(location)), "models");

    public async Task<bool> PutAsync(string owner, string id, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        string path = File(owner, id);
        if (System.IO.File.Exists(path))
            return false;
        return await Io(async () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await System.IO.File.WriteAllBytesAsync(temporary, document, cancellationToken);
                System.IO.File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (System.IO.File.Exists(path))
            {
                // Another request stored the same model first: same id, same bytes.
                return false;
            }
            finally
            {
                System.IO.File.Delete(temporary);
            }
        });
    }

    public Task<byte[]?> GetAsync(string owner, string id, CancellationToken cancellationToken) =>
        Io(async () =>
        {
            try
            {
                return await System.IO.File.ReadAllBytesAsync(File(owner, id), cancellationToken);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return (byte[]?)null;
            }
        });

    public Task<bool> ExistsAsync(string owner, string id, CancellationToken cancellationToken) =>
        Task.FromResult(System.IO.File.Exists(File(owner, id)));

    public Task<ModelPage> ListAsync(string owner, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        // The continuation is the last id of the previous page: ids are listed in order.
        if (continuation is not null && !ModelId.IsWellFormed(continuation))
            throw new InvalidContinuationException("Is not a continuation that this listing returned.");
        string folder = Path.Combine(_root, owner);
        return Io(() =>
        {
            if (!Directory.Exists(folder))
                return Task.FromResult(new ModelPage([], null));
            var ids = Directory.EnumerateFiles(folder, "*.json")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(ModelId.IsWellFormed)
                .Where(id => continuation is null || string.CompareOrdinal(id, continuation) > 0)
                .Order(StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
            var models = ids.Take(pageSize)
                .Select(id => new FileInfo(File(owner, id)))
                .Where(file => file.Exists)
                .Select(file => new StoredModelEntry(Path.GetFileNameWithoutExtension(file.Name), file.Length, file.LastWriteTimeUtc))
                .ToList();
            return Task.FromResult(new ModelPage(models, ids.Count > pageSize ? ids[pageSize - 1] : null));
        });
    }

    public Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken) =>
        Io(() =>
        {
            string path = File(owner, id);
            if (!System.IO.File.Exists(path))
                return Task.FromResult(false);
            System.IO.File.Delete(path);
            return Task.FromResult(true);
        });

    private string File(string owner, string id) => Path.Combine(_root, owner, id + ".json");

    /// <summary>A disk that fails (full, read-only, gone) is the store being unavailable, not the client's mistake.</summary>
    private static async Task<T> Io<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not FileNotFoundException)
        {
            throw new StoreUnavailableException("The store folder failed: " + ex.GetType().Name + ".", ex);
        }
    }
}
