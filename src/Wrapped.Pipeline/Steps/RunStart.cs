using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>Records a run's definition before any work, and refuses to mix two different runs in one folder.</summary>
public static class RunStart
{
    public static async Task RecordAsync(IFeedStore store, FeedLayout layout, RunDefinition definition, CancellationToken cancellationToken)
    {
        var existing = await store.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var before = existing.Parameters with { End = definition.Parameters.End, Daily = definition.Parameters.Daily };
            if (before != definition.Parameters || !existing.Inputs.SequenceEqual(definition.Inputs))
                throw new FeedInputException($"{layout.Root} already holds a run with other parameters or inputs; choose another run id or output folder.");
            if (definition.Parameters.End < existing.Parameters.End)
                throw new FeedInputException($"{layout.Root} already runs to {existing.Parameters.End:yyyy-MM-dd}; it cannot be shortened to {definition.Parameters.End:yyyy-MM-dd}.");
        }
        // A finished run that is being extended is not finished any more until its new manifest is written.
        await store.DeleteAsync(layout.Success, cancellationToken).ConfigureAwait(false);
        await store.WriteJsonAsync(layout.Parameters, definition, cancellationToken).ConfigureAwait(false);
    }
}
