namespace Wrapped.Pipeline.Orchestration;

/// <summary>
/// How a run with more batches than one orchestration history should hold is split into sub-orchestrations (chunks)
/// that run side by side, sharing the run's <c>MaxParallelBatches</c> between them, so that every slot stays busy
/// across chunk boundaries instead of draining at the end of each chunk before the next starts.
/// </summary>
/// <remarks>
/// When the chunks fit the budget, all run at once and each gets a share of it, with batches in proportion to its
/// share: they finish together, and the run drains once, as an unsplit fan-out would. When there are more chunks than
/// slots, each chunk runs one batch at a time, the number of chunks is a multiple of the slots and all are the same
/// size within a batch, so the slots work through them in even waves.
/// </remarks>
public sealed record ChunkPlan(IReadOnlyList<PlannedChunk> Chunks, int ChunksInFlight)
{
    public static ChunkPlan For(int[][] batches, int maxParallelBatches, int maxBatchesPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches.Length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchesPerChunk, 1);
        var slots = Math.Clamp(maxParallelBatches, 1, batches.Length);
        var fewestChunks = CeilingOf(batches.Length, maxBatchesPerChunk);

        if (fewestChunks > slots)
        {
            var waves = CeilingOf(fewestChunks, slots);
            return new ChunkPlan(Split(batches, Enumerable.Repeat(1, slots * waves).ToArray()), slots);
        }
        // The fewest chunks whose largest share of the slots still gets no more batches than one chunk may hold; all
        // the slots at once always qualifies, since then a chunk gets batches ÷ slots ≤ batches ÷ fewestChunks.
        var chunks = fewestChunks;
        while ((long)batches.Length * CeilingOf(slots, chunks) > (long)slots * maxBatchesPerChunk)
        {
            chunks++;
        }
        var shares = Enumerable.Range(0, chunks).Select(i => slots / chunks + (i < slots % chunks ? 1 : 0)).ToArray();
        return new ChunkPlan(Split(batches, shares), chunks);
    }

    /// <summary>
    /// Contiguous slices of the batches, each in proportion to its weight and run with that many batches in flight
    /// (a slice left empty by rounding, possible only with more weight than batches, is dropped).
    /// </summary>
    private static PlannedChunk[] Split(int[][] batches, int[] weights)
    {
        var total = weights.Sum();
        var chunks = new List<PlannedChunk>(weights.Length);
        var before = 0;
        foreach (var weight in weights)
        {
            var start = (int)((long)batches.Length * before / total);
            before += weight;
            var end = (int)((long)batches.Length * before / total);
            if (end > start) chunks.Add(new PlannedChunk(batches[start..end], weight));
        }
        return [.. chunks];
    }

    private static int CeilingOf(int dividend, int divisor) => (int)(((long)dividend + divisor - 1) / divisor);
}

/// <param name="Batches">The chunk's batches, in run order.</param>
/// <param name="BatchesInFlight">How many of them the chunk runs at once: its share of the run's slots.</param>
public sealed record PlannedChunk(int[][] Batches, int BatchesInFlight);
