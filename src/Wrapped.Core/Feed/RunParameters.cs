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

    public int Clusters { get; init; } = 3;

    /// <summary>The date newness is measured from; null means 1 January of the start year.</summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary><c>deflate</c> (fastest level), <c>deflate:optimal</c> or <c>null</c>.</summary>
    public string Codec { get; init; } = "deflate";

    /// <summary>Whether the nightly timer extends this run by each new day.</summary>
    public bool Daily { get; init; }

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

    /// <summary>Every problem with the parameters, as sentences a user can act on; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Users <= 0) problems.Add($"users must be at least 1 (got {Users}).");
        if (Users > 1 << 30) problems.Add($"users must be at most {1 << 30} (got {Users}).");
        if (End < Start) problems.Add($"end ({End:yyyy-MM-dd}) is before start ({Start:yyyy-MM-dd}).");
        if (Start.Year < 1971) problems.Add($"start ({Start:yyyy-MM-dd}) must be after 1970.");
        if (PartSize <= 0) problems.Add($"part size must be at least 1 (got {PartSize}).");
        if (Clusters <= 0) problems.Add($"clusters must be at least 1 (got {Clusters}).");
        if (Codec is not ("deflate" or "deflate:fastest" or "deflate:optimal" or "null"))
            problems.Add($"codec must be deflate, deflate:optimal or null (got '{Codec}').");
        return problems;
    }
}
