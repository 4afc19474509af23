using System.Text.RegularExpressions;
using Wrapped.Core.Wrapped;
using Wrapped.Core.Wrapped.Page;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class WrappedPageTests
{
    private static WrappedSummaryRecord Summary(string trackName = "Song") => new(
        UserId: 42, Year: 2025, TimeZone: "UTC", ListeningTimeMs: 12_345_678_901, Plays: 12_775, Skips: 4_231,
        DistinctTracks: 2_412, DistinctArtists: 398,
        TopTracks: [new("t1", trackName, "Artist & Co", 9_000_000, 41)],
        TopArtists: [new("a1", "Artist & Co", null, 12_000_000, 70)],
        TopGenres: [],
        ListeningTimeMsByMonth: [60_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12_345_618_901],
        PlaysByHour: Enumerable.Range(0, 24).Select(h => (long)h).ToArray(),
        PlaysByWeekday: [1, 2, 3, 4, 5, 6, 12_754],
        FirstPlayMs: 1_735_689_600_000, LastPlayMs: 1_767_225_599_999,
        Scores: new ListeningScores(0.93, 0.61, 0.25, 0.58),
        Personality: "FNLC", GeneratedPersonality: "FNLV");

    [Fact]
    public void Render_AnySummary_NeedsNothingFromOutsideThePage()
    {
        var html = WrappedPage.Render(Summary(), "mia");

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(|@import|https?://", RegexOptions.IgnoreCase), html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NamesHoldingMarkup_AreShownAsText()
    {
        var html = WrappedPage.Render(Summary("<script>alert(1)</script>"), "<b>mia</b>");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;mia&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Artist &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryChart_HasATitleADescriptionAndATableOfItsNumbers()
    {
        var html = WrappedPage.Render(Summary());

        Assert.Equal(3, Regex.Matches(html, "<svg class=\"chart\"[^>]*role=\"img\" aria-labelledby=\"[a-z]+-title [a-z]+-desc\"").Count);
        Assert.Equal(3, Regex.Matches(html, "<table class=\"visually-hidden\">").Count);
        // 12 months + 24 hours + 7 weekdays, each a row of a table.
        Assert.Equal(12 + 24 + 7, Regex.Matches(html, "<th scope=\"row\">").Count);
        Assert.Contains("<td data-weekday=\"6\">12,754</td>", html, StringComparison.Ordinal);
        // 12,345,618,901 ms is 205,760.3 minutes.
        Assert.Contains("<td data-month=\"11\">205,760</td>", html, StringComparison.Ordinal);
    }
}
