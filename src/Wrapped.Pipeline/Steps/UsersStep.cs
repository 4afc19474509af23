using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Users;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>Step 2: generates every user, one <c>users/part-NNNNN.avro</c> per part.</summary>
public static class UsersStep
{
    public const string LedgerName = "users";

    public static async Task<long> RunAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        var generator = new UserGenerator(parameters.Seed, parameters.Start);
        var codec = AvroCodecOptions.Parse(parameters.Codec);
        var files = new List<LedgerFile>(parameters.PartCount);
        for (var part = 0; part < parameters.PartCount; part++)
        {
            var (first, count) = parameters.UsersOfPart(part);
            var users = Enumerable.Range(0, count).Select(i => generator.Create(first + i));
            files.Add(await store.WriteAvroAsync(layout, layout.UsersPart(part), FeedSchemas.User, codec, parameters.Seed,
                users, UserRecordCodec.Write, cancellationToken).ConfigureAwait(false));
        }
        await store.WriteJsonAsync(layout.Ledger(LedgerName), new Ledger(LedgerName, files, []), cancellationToken).ConfigureAwait(false);
        return parameters.Users;
    }
}
