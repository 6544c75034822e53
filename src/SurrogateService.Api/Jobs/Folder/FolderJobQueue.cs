using System.Text.Json;

namespace SurrogateService.Api.Jobs.Folder;

/// <summary>
/// A work queue in a folder, one file per message, with the semantics of Azure Queue storage that
/// the workers rely on: a received message is hidden until its visibility time, counts its
/// deliveries, and reappears if its worker dies. Every operation holds one lock file, so processes
/// on one machine share it safely.
/// </summary>
public sealed class FolderJobQueue(string folder, TimeProvider time) : IJobQueue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StoredMessage(JobMessage Message, long DequeueCount, DateTimeOffset VisibleAt, string Receipt);

    public async Task EnqueueAsync(JobMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var held = await LockAsync(cancellationToken);
        // Names sort in the order of arrival: ticks first, then a random tail.
        var name = $"{time.GetUtcNow().UtcTicks:D20}-{Guid.NewGuid():N}";
        Write(name, new StoredMessage(message, 0, time.GetUtcNow(), ""));
    }

    public async Task<JobDelivery?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            return null;
        using var held = await LockAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(folder, "*.msg").Order(StringComparer.Ordinal))
        {
            var stored = Read(path);
            if (stored is null || stored.VisibleAt > now)
                continue;
            var taken = stored with { DequeueCount = stored.DequeueCount + 1, VisibleAt = now + visibility, Receipt = Guid.NewGuid().ToString("N") };
            var name = Path.GetFileNameWithoutExtension(path);
            Write(name, taken);
            return new JobDelivery(taken.Message, name, taken.Receipt, taken.DequeueCount);
        }
        return null;
    }

    public async Task<JobDelivery> RenewAsync(JobDelivery delivery, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var held = await LockAsync(cancellationToken);
        var stored = Current(delivery);
        var renewed = stored with { VisibleAt = time.GetUtcNow() + visibility, Receipt = Guid.NewGuid().ToString("N") };
        Write(delivery.MessageId, renewed);
        return delivery with { Receipt = renewed.Receipt };
    }

    public async Task DeleteAsync(JobDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var held = await LockAsync(cancellationToken);
        Current(delivery);
        File.Delete(PathOf(delivery.MessageId));
    }

    /// <summary>The stored message if this delivery still holds it; as in Azure, a stale receipt (the message was delivered again since) is refused.</summary>
    private StoredMessage Current(JobDelivery delivery)
    {
        var stored = File.Exists(PathOf(delivery.MessageId)) ? Read(PathOf(delivery.MessageId)) : null;
        if (stored is null || stored.Receipt != delivery.Receipt)
            throw new JobDeliveryLostException($"Message {delivery.MessageId} was delivered again or deleted.");
        return stored;
    }

    private Task<FileStream> LockAsync(CancellationToken cancellationToken) => FolderLock.AcquireAsync(Path.Combine(folder, "queue.lock"), cancellationToken);

    private string PathOf(string name) => Path.Combine(folder, name + ".msg");

    private void Write(string name, StoredMessage message) => FolderLock.WriteAtomically(PathOf(name), JsonSerializer.SerializeToUtf8Bytes(message, Json));

    private static StoredMessage? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredMessage>(File.ReadAllBytes(path), Json);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
