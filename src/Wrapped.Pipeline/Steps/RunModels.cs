using System.Collections.Concurrent;
using System.Text;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// The listening model of a run. A run is made with the model copied into it as <c>_model.json</c> when it starts, and
/// every later step, activity and extension reads the model from there, never from the presets of the day: a preset
/// that changes in a later build cannot change a run that exists. A parse costs tens of milliseconds (the schema's
/// evaluation), so models are parsed once per process and kept by their canonical hash, which a run's parameters name.
/// </summary>
public static class RunModels
{
    // A worker serving many runs keeps only a few distinct models; presets are kept apart and always.
    private const int MaxCachedModels = 16;

    private static readonly ConcurrentDictionary<string, ListeningModel> ByHash = new(StringComparer.Ordinal);

    /// <summary>Forgets every model but the presets, as a new process would.</summary>
    public static void Clear() => ByHash.Clear();

    /// <summary>Keeps <paramref name="model"/> for <see cref="GetAsync"/> in this process (the model a request was made with).</summary>
    public static ListeningModel Remember(ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (IsPreset(model.Hash) is not null) return model;
        if (ByHash.Count >= MaxCachedModels && !ByHash.ContainsKey(model.Hash)) ByHash.Clear();
        return ByHash.GetOrAdd(model.Hash, model);
    }

    /// <summary>
    /// The model a run request names: <paramref name="text"/> (a document sent with the request), or a preset or a model
    /// this process already knows by <paramref name="hash"/>; null when the hash is of none of them.
    /// </summary>
    /// <exception cref="FeedInputException"><paramref name="text"/> is not a valid model, or not the one <paramref name="hash"/> names.</exception>
    public static ListeningModel? Find(string hash, string? text = null)
    {
        if (text is not null)
        {
            var sent = Parse(text, "the run request's model", hash);
            return Remember(sent);
        }
        return IsPreset(hash) ?? ByHash.GetValueOrDefault(hash);
    }

    /// <summary>
    /// The model of the run at <paramref name="layout"/>: known by its hash, or read from its <c>_model.json</c> (through
    /// <paramref name="store"/>, a staging view included). Checks that this build can reproduce it: the model's hash is
    /// the parameters', and a model with time zones was made with this build's TZDB release.
    /// </summary>
    /// <exception cref="FeedInputException">The run has no model, a model with another hash, or one made with another TZDB.</exception>
    public static async Task<ListeningModel> GetAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(parameters);
        var model = Find(parameters.ModelHash);
        if (model is null)
        {
            if (!await store.ExistsAsync(layout.Model, cancellationToken).ConfigureAwait(false))
                throw new FeedInputException($"{FeedStoreExtensions.Where(store, layout.Model)} is missing: the run's listening model ({parameters.ModelHash[..12]}…) is unknown, so the run cannot go on.");
            model = Remember(Parse(await ReadTextAsync(store, layout.Model, cancellationToken).ConfigureAwait(false), FeedStoreExtensions.Where(store, layout.Model), parameters.ModelHash));
        }
        EnsureSameTimeZones(model, parameters);
        return model;
    }

    /// <summary>Copies <paramref name="model"/> into the run as <c>_model.json</c>, unless it is there already.</summary>
    public static async Task WriteAsync(IFeedStore store, FeedLayout layout, ListeningModel model, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(layout.Model, cancellationToken).ConfigureAwait(false)) return;
        var bytes = Encoding.UTF8.GetBytes(model.Text);
        await store.WriteAsync(layout.Model, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of a run's <c>_model.json</c>.</summary>
    public static async Task<string> ReadTextAsync(IFeedStore store, string path, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ListeningModel? IsPreset(string hash) =>
        hash == ListeningModel.Realistic.Hash ? ListeningModel.Realistic
        : hash == ListeningModel.Reference.Hash ? ListeningModel.Reference
        : null;

    private static ListeningModel Parse(string text, string origin, string expectedHash)
    {
        ListeningModel model;
        try
        {
            model = ListeningModel.Parse(text, origin);
        }
        catch (ListeningModelException e)
        {
            throw new FeedInputException(e.Message, e);
        }
        if (model.Hash != expectedHash)
            throw new FeedInputException($"{origin} is the listening model {model.Hash[..12]}…, not the run's {expectedHash[..12]}…: it was changed after the run started; restore it or write the run afresh.");
        return model;
    }

    private static void EnsureSameTimeZones(ListeningModel model, RunParameters parameters)
    {
        var expected = model.HasTimeZones ? ListenerTimeZone.DatabaseVersion : null;
        if (parameters.TimeZoneDatabase != expected)
        {
            throw new FeedInputException(model.HasTimeZones
                ? $"The run was made with the time zones of TZDB {parameters.TimeZoneDatabase ?? "(none)"}; this build has TZDB {expected}, whose clocks may differ: write the run afresh with this build, or go on with the build that made it."
                : $"The run's parameters name TZDB {parameters.TimeZoneDatabase}, but its listening model has no time zones.");
        }
    }
}
