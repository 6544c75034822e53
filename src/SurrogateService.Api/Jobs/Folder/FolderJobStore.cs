using System.Security.Cryptography;
using System.Text.Json;

namespace SurrogateService.Api.Jobs.Folder;

/// <summary>
/// Jobs in a folder, for Development and tests: <c>{owner}/{id}/record.json</c> and one file per
/// document beside it. Records are replaced under a per-job lock file; their ETag is a hash of the
/// stored bytes. Safe across processes on one machine (an API and its worker processes).
/// </summary>
public sealed class FolderJobStore(string root) : IJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var path = RecordPath(owner, id);
        if (path is null)
            return null;
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        return Read(bytes);
    }

    public async Task<bool> TryCreateAsync(JobRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = RecordPath(record.Owner, record.Id) ?? throw new ArgumentException("Not a job id.", nameof(record));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var held = await FolderLock.AcquireAsync(LockPath(record.Owner, record.Id), cancellationToken);
        if (File.Exists(path))
            return false;
        FolderLock.WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(record, Json));
        return true;
    }

    public async Task<JobRecord?> TryReplaceAsync(JobRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = RecordPath(record.Owner, record.Id) ?? throw new ArgumentException("Not a job id.", nameof(record));
        using var held = await FolderLock.AcquireAsync(LockPath(record.Owner, record.Id), cancellationToken);
        if (!File.Exists(path) || ETagOf(await File.ReadAllBytesAsync(path, cancellationToken)) != record.ETag)
            return null;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record with { ETag = null }, Json);
        FolderLock.WriteAtomically(path, bytes);
        return record with { ETag = ETagOf(bytes) };
    }

    public async Task DeleteAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var path = RecordPath(owner, id);
        if (path is null)
            return;
        using (await FolderLock.AcquireAsync(LockPath(owner, id), cancellationToken))
        {
            var folder = Path.GetDirectoryName(path)!;
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        File.Delete(LockPath(owner, id));
    }

    public Task WriteAsync(string owner, string id, JobDocument document, BinaryData content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = DocumentPath(owner, id, document) ?? throw new ArgumentException("Not a job id.", nameof(id));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FolderLock.WriteAtomically(path, content.ToMemory().Span);
        return Task.CompletedTask;
    }

    public async Task<BinaryData?> ReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken)
    {
        var path = DocumentPath(owner, id, document);
        if (path is null)
            return null;
        try
        {
            return new BinaryData(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task WriteAsync(string owner, string id, JobDocument document, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = DocumentPath(owner, id, document) ?? throw new ArgumentException("Not a job id.", nameof(id));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and moved over, as WriteAtomically does, but streamed.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temporary))
                await write(file, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken)
    {
        var path = DocumentPath(owner, id, document);
        try
        {
            return Task.FromResult<Stream?>(path is null ? null : File.OpenRead(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    private static JobRecord Read(byte[] bytes) => JsonSerializer.Deserialize<JobRecord>(bytes, Json)! with { ETag = ETagOf(bytes) };

    private static string ETagOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string? RecordPath(string owner, string id) => DocumentPath(owner, id, null);

    private string LockPath(string owner, string id) => Path.Combine(root, owner, id + ".lock");

    /// <summary>Null for names that are not keys this service makes (hex only), so no request can reach outside the folder.</summary>
    private string? DocumentPath(string owner, string id, JobDocument? document) =>
        JobIds.IsKey(owner) && JobIds.IsKey(id)
            ? Path.Combine(root, owner, id, document is { } d ? d.ToString().ToLowerInvariant() + ".json" : "record.json")
            : null;
}
