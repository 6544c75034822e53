using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using static SurrogateService.Api.Jobs.Azure.AzureFailures;

namespace SurrogateService.Api.Jobs.Azure;

/// <summary>
/// The work queue in Queue storage, which has the semantics the workers need: a received message is
/// hidden for its visibility timeout, counts its deliveries, and its pop receipt changes with every
/// update, so a worker that lost it learns so (404) instead of deleting another worker's delivery.
/// </summary>
public sealed class AzureJobQueue(AzureJobClients clients) : IJobQueue
{
    private QueueClient Queue => clients.Queue;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task EnqueueAsync(JobMessage message, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        await Queue.SendMessageAsync(BinaryData.FromObjectAsJson(message, Json), cancellationToken: cancellationToken);
    }, "Queueing a job");

    public Task<JobDelivery?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        var received = (await Queue.ReceiveMessageAsync(visibility, cancellationToken)).Value;
        return received is null
            ? null
            : new JobDelivery(received.Body.ToObjectFromJson<JobMessage>(Json)!, received.MessageId, received.PopReceipt, received.DequeueCount);
    }, "Receiving a job message");

    public Task<JobDelivery> RenewAsync(JobDelivery delivery, TimeSpan visibility, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            var updated = await Queue.UpdateMessageAsync(delivery.MessageId, delivery.Receipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
            return delivery with { Receipt = updated.Value.PopReceipt };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            throw new JobDeliveryLostException($"Message {delivery.MessageId} was delivered again or deleted ({ex.ErrorCode}).");
        }
    }, "Renewing a job message");

    public Task DeleteAsync(JobDelivery delivery, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await Queue.DeleteMessageAsync(delivery.MessageId, delivery.Receipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            throw new JobDeliveryLostException($"Message {delivery.MessageId} was delivered again or deleted ({ex.ErrorCode}).");
        }
    }, "Deleting a job message");
}
