using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// What <see cref="RunValidator"/> checks of a run's Wrapped beyond its files' sizes, checksums and record counts:
/// one <c>wrapped/</c> part for each <c>users/</c> part, and an agreement in the manifest that counts as many
/// listener-years as the files hold.
/// </summary>
internal static class WrappedValidation
{
    public static IEnumerable<string> Problems(FeedManifest manifest)
    {
        var wrapped = manifest.Files.Where(f => f.Path.StartsWith("wrapped/", StringComparison.Ordinal)).ToList();
        if (wrapped.Count == 0)
        {
            if (manifest.PersonalityAgreement is not null) yield return "The manifest reports a personality agreement but lists no wrapped/ file.";
            yield break;
        }
        var userParts = PartNames(manifest, "users/");
        var wrappedParts = PartNames(manifest, "wrapped/");
        foreach (var missing in userParts.Except(wrappedParts, StringComparer.Ordinal)) yield return $"wrapped/{missing} is missing: every users/ part has a Wrapped part.";
        foreach (var extra in wrappedParts.Except(userParts, StringComparer.Ordinal)) yield return $"wrapped/{extra} has no users/{extra}.";
        var summaries = wrapped.Sum(f => f.Records);
        if (manifest.PersonalityAgreement is not { } agreement)
            yield return "The manifest lists wrapped/ files but reports no personality agreement.";
        else if (agreement.Compared != summaries)
            yield return $"The personality agreement counts {agreement.Compared} listener-years; the wrapped/ files hold {summaries}.";
    }

    private static List<string> PartNames(FeedManifest manifest, string folder) =>
        manifest.Files.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal)).Select(f => f.Path[folder.Length..]).ToList();
}
