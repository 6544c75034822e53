using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Computes one output value per point of a batch, sequentially.</summary>
internal delegate void BatchKernel(PointSet points, Span<double> output);

/// <summary>
/// Runs a model's per-point computation (prediction, standard error) over a large batch on all
/// cores: the batch is cut into contiguous chunks, one per core, each computed by the same
/// sequential kernel. Every kind's Predict goes through here, so each kind only has to be safe to
/// call concurrently on different chunks (no shared scratch buffers).
/// </summary>
/// <remarks>
/// A point's value never depends on which chunk it falls in (the kernels treat points
/// independently), so the result is the same bits whatever the core count or scheduling. Chunk
/// boundaries are multiples of <see cref="Alignment"/>, the block size of the kernels that work in
/// blocks of points.
/// </remarks>
internal static class ParallelBatches
{
    /// <summary>Below this many points a batch runs on the calling thread: fanning out would cost more than it saves.</summary>
    public const int ParallelThreshold = 2048;

    private const int Alignment = 64;

    public static void Run(PointSet points, Span<double> output, BatchKernel kernel)
    {
        int count = points.Count;
        int chunks = Environment.ProcessorCount;
        int perChunk = (count + chunks - 1) / chunks;
        perChunk = (perChunk + Alignment - 1) / Alignment * Alignment;
        if (chunks <= 1 || count < ParallelThreshold || perChunk >= count)
        {
            kernel(points, output);
            return;
        }
        // A Span cannot cross into the worker lambdas: chunks write into an array, copied out once.
        var results = new double[count];
        int chunkCount = (count + perChunk - 1) / perChunk;
        Parallel.For(0, chunkCount, chunk =>
        {
            int first = chunk * perChunk;
            int length = Math.Min(perChunk, count - first);
            kernel(points.Slice(first, length), results.AsSpan(first, length));
        });
        results.CopyTo(output);
    }
}
