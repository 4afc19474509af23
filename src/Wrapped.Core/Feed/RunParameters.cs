using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Feed;

/// <summary>
/// Everything that defines a run's output. Same parameters, same inputs → same bytes, whatever the batch size or
/// the degree of parallelism (those are scheduling knobs and are not part of this record).
/// </summary>
public sealed record RunParameters
{
    /// <summary>Bounds of the part size chosen when none is given; see <see cref="DefaultPartSizeFor"/>.</summary>
    public const int MinDefaultPartSize = 250, MaxDefaultPartSize = 2500;

    private const int DefaultParts = 8;

    public required string RunId { get; init; }
    public required string Dataset { get; init; }
    public required int Users { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required long Seed { get; init; }

    /// <summary>Users per output file (<c>part-NNNNN.avro</c>); the unit of work and of retry.</summary>
    public required int PartSize { get; init; }

    public int Clusters { get; init; } = RunDefaults.Clusters;

    /// <summary>The date newness is measured from; null means 1 January of the start year.</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary><c>deflate</c> (fastest level), <c>deflate:optimal</c> or <c>null</c>.</summary>
    public string Codec { get; init; } = RunDefaults.Codec;

    /// <summary>Whether the nightly timer extends this run by each new day.</summary>
    public bool Daily { get; init; }

    /// <summary>
    /// The canonical hash (<see cref="ListeningModel.Hash"/>) of the listening model the run simulates with; the model
    /// itself is the run's <c>_model.json</c>. Set it with <see cref="WithModel"/> (the run request factory does, with the
    /// realistic preset by default). Absent, as in a run recorded before listening models existed, it is the reference
    /// preset's, which is what such a run simulated.
    /// </summary>
    public string ModelHash { get; init; } = ListeningModel.Reference.Hash;

    /// <summary>
    /// The TZDB release the listeners' time zones come from (<see cref="ListenerTimeZone.DatabaseVersion"/>), when the
    /// model gives users time zones; null when every user lives in UTC. A new release can move a zone's clocks, and so
    /// a run's bytes.
    /// </summary>
    public string? TimeZoneDatabase { get; init; }

    /// <summary>These parameters with <paramref name="model"/> as the run's model, and this build's TZDB when it has time zones.</summary>
    public RunParameters WithModel(ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return this with { ModelHash = model.Hash, TimeZoneDatabase = model.HasTimeZones ? ListenerTimeZone.DatabaseVersion : null };
    }

    /// <summary>What <see cref="DefaultPartSizeFor"/> does, in the words of the help text and the README.</summary>
    public const string DefaultPartSizeDescription = "users ÷ 8, within 250–2,500";

    /// <summary>
    /// The part size when none is given: the users in about eight parts, so a small machine has work for every core
    /// and a Durable fan-out several batches, but between 250 and 2,500 users a part. Every file costs a create,
    /// a rename and a half-empty last block, and readers of the feed prefer fewer, larger files: a year of 10,000
    /// users is 2,920 day files of about 800 KB instead of 14,600 of 160 KB.
    /// </summary>
    public static int DefaultPartSizeFor(int users) => (int)Math.Clamp((users + (long)DefaultParts - 1) / DefaultParts, MinDefaultPartSize, MaxDefaultPartSize);

    public DateOnly EffectiveReferenceDate => ReferenceDate ?? new DateOnly(Start.Year, 1, 1);

    public int PartCount => (int)((Users + (long)PartSize - 1) / PartSize);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public (long FirstUserId, int Count) UsersOfPart(int part)
    {
        if (part < 0 || part >= PartCount) throw new ArgumentOutOfRangeException(nameof(part), part, $"The run has parts 0..{PartCount - 1}.");
        long first = (long)part * PartSize;
        return (first, (int)Math.Min(PartSize, Users - first));
    }

    /// <summary>Every problem with the parameters, each named by its JSON name; empty when they are valid.</summary>
    public IReadOnlyList<ParameterProblem> Problems()
    {
        var problems = new List<ParameterProblem>();
        if (RunIdentity.RunIdProblem(RunId) is { } runId) problems.Add(new("runId", runId));
        if (RunIdentity.DatasetProblem(Dataset) is { } dataset) problems.Add(new("dataset", dataset));
        if (Users is < 1 or > RunLimits.MaxUsers) problems.Add(new("users", OutOfRange(1, RunLimits.MaxUsers, Users)));
        if (End < Start) problems.Add(new("end", Invariant($"({End:yyyy-MM-dd}) is before start ({Start:yyyy-MM-dd})")));
        else if (Days > RunLimits.MaxDays)
            problems.Add(new("start", Invariant($"({Start:yyyy-MM-dd}) to end ({End:yyyy-MM-dd}) is {Days:N0} days; a run covers at most {RunLimits.MaxDays:N0} days (ten years)")));
        if (Start < RunCalendar.EarliestStart) problems.Add(new("start", Invariant($"must be {RunCalendar.EarliestStart:yyyy-MM-dd} or later (got {Start:yyyy-MM-dd})")));
        if (PartSize is < 1 or > RunLimits.MaxPartSize) problems.Add(new("partSize", OutOfRange(1, RunLimits.MaxPartSize, PartSize)));
        else if (Users is >= 1 and <= RunLimits.MaxUsers && PartCount > RunLimits.MaxParts)
            problems.Add(new("partSize", Invariant($"must be at least {(Users + (long)RunLimits.MaxParts - 1) / RunLimits.MaxParts:N0} for {Users:N0} users, so that a day has at most {RunLimits.MaxParts:N0} files (got {PartSize:N0})")));
        if (Clusters is < 1 or > RunLimits.MaxClusters) problems.Add(new("clusters", OutOfRange(1, RunLimits.MaxClusters, Clusters)));
        if (ModelHash is not { Length: 64 } || !ModelHash.All(char.IsAsciiHexDigitLower))
            problems.Add(new("model", $"must be a listening model's SHA-256 in lowercase hex (got '{ModelHash}')"));
        if (Codec is not ("deflate" or "deflate:fastest" or "deflate:optimal" or "null"))
            problems.Add(new("codec", $"must be deflate, deflate:optimal or null (got '{Codec}')"));
        return problems;
    }

    /// <summary>"must be from 1 to 10,000,000 (got 0)".</summary>
    public static string OutOfRange(long min, long max, long value) =>
        value < min ? Invariant($"must be at least {min:N0} (got {value:N0})") : Invariant($"must be at most {max:N0} (got {value:N0})");

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
