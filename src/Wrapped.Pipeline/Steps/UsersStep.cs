using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Users;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Step 2: generates every user, one <c>users/part-NNNNN.avro</c> per part, in the schema the run's model calls for:
/// with each user's <c>time_zone</c> (a model with a population), or the schema from before time zones (the reference).
/// </summary>
public static class UsersStep
{
    public const string LedgerName = "users";

    public static async Task<long> RunAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        var model = await RunModels.GetAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false);
        var generator = new UserGenerator(parameters.Seed, parameters.Start, model);
        var format = UserRecordCodec.FormatFor(model);
        var codec = AvroCodecOptions.Parse(parameters.Codec);
        var files = new List<LedgerFile>(parameters.PartCount);
        for (var part = 0; part < parameters.PartCount; part++)
        {
            var (first, count) = parameters.UsersOfPart(part);
            var users = Enumerable.Range(0, count).Select(i => generator.Create(first + i));
            files.Add(await store.WriteAvroAsync(layout, layout.UsersPart(part), format.Schema, codec, parameters.Seed,
                users, format.Write, cancellationToken).ConfigureAwait(false));
        }
        await store.WriteJsonAsync(layout.Ledger(LedgerName), new Ledger(LedgerName, files, []), cancellationToken).ConfigureAwait(false);
        return parameters.Users;
    }
}
