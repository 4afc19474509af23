using System.Globalization;
using System.Net;
using System.Text;
using Wrapped.Core.Users;

namespace Wrapped.Core.Wrapped.Page;

/// <summary>
/// A listener's Wrapped as one self-contained HTML page: inline CSS and SVG, no script, no external asset, every chart
/// doubled by text (its title, description and a table of its numbers). A pure function of the summary, so the command
/// line and the Function app serve the same bytes. Numbers carry <c>data-stat</c> attributes for tests and scrapers.
/// </summary>
public static class WrappedPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <param name="listenerName">The username to greet, when known.</param>
    public static string Render(WrappedSummaryRecord summary, string? listenerName = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var who = listenerName is { Length: > 0 } ? listenerName : $"listener {summary.UserId}";
        var html = new StringBuilder(32 * 1024);
        html.Append(Invariant, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode($"{summary.Year} Wrapped · {who}")}</title>
            <style>{WrappedPageStyle.Css}</style>
            </head>
            <body>
            <main>
            <header class="hero">
            <p class="eyebrow">Wrapped <span data-stat="year">{summary.Year}</span></p>
            <h1>{Encode(who)}, this was your year in music</h1>
            <p class="lede">From your first play on {Moment(summary, summary.FirstPlayMs)} to your last on {Moment(summary, summary.LastPlayMs)} ({Encode(summary.TimeZone)}).</p>
            </header>
            """);
        Stats(html, summary);
        Personality(html, summary);
        html.Append("""<section class="tops" aria-label="Your top fives">""");
        TopList(html, "Top tracks", "tracks", summary.TopTracks);
        TopList(html, "Top artists", "artists", summary.TopArtists);
        TopList(html, "Top genres", "genres", summary.TopGenres);
        html.Append("</section>");
        Charts(html, summary);
        html.Append(Invariant, $"""
            <footer>
            <p>Computed from the listening events alone: no survey, no guess. User {summary.UserId}, year {summary.Year}, times in {Encode(summary.TimeZone)}.</p>
            </footer>
            </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static void Stats(StringBuilder html, WrappedSummaryRecord s)
    {
        html.Append("""<section class="stats" aria-label="Your year in numbers">""");
        Stat(html, "minutes", Number(s.MinutesListened), "minutes listened", "big");
        Stat(html, "plays", Number(s.Plays), "plays", "");
        Stat(html, "skip-rate", Percent(s.SkipRate), $"skipped ({Number(s.Skips)} plays)", "");
        Stat(html, "distinct-tracks", Number(s.DistinctTracks), "different tracks", "");
        Stat(html, "distinct-artists", Number(s.DistinctArtists), "different artists", "");
        html.Append("</section>");
    }

    private static void Stat(StringBuilder html, string name, string value, string label, string kind) =>
        html.Append(Invariant, $"""<div class="stat {kind}"><span class="number" data-stat="{name}">{value}</span><span class="label">{Encode(label)}</span></div>""");

    private static void Personality(StringBuilder html, WrappedSummaryRecord s)
    {
        if (s.Personality.Length != 4) return;
        var letters = PersonalityWords.Of(Users.Personality.Parse(s.Personality));
        html.Append(Invariant, $"""
            <section class="personality" aria-labelledby="personality-title">
            <h2 id="personality-title">Your listening personality: <span class="code" data-stat="personality">{Encode(s.Personality)}</span></h2>
            <p class="words">{Encode(string.Join(" · ", letters.Select(l => l.Word)))}</p>
            <ul class="letters">
            """);
        foreach (var letter in letters)
        {
            html.Append(Invariant, $"""<li class="letter letter-{char.ToLowerInvariant(letter.Code)}"><span class="glyph" aria-hidden="true">{letter.Code}</span><span class="word">{Encode(letter.Word)}</span><span class="meaning">{Encode(letter.Meaning)}</span><span class="dimension">{Encode(letter.Dimension)}</span></li>""");
        }
        html.Append("</ul>");
        if (s.GeneratedPersonality is { } generated)
        {
            var verdict = generated == s.Personality ? "and the events agree" : $"the events say {s.Personality}";
            html.Append(Invariant, $"""<p class="aside">This synthetic listener was generated as <span data-stat="generated-personality">{Encode(generated)}</span>; {Encode(verdict)}.</p>""");
        }
        html.Append("</section>");
    }

    private static void TopList(StringBuilder html, string title, string name, IReadOnlyList<WrappedTopItem> items)
    {
        html.Append(Invariant, $"""<div class="top"><h2>{Encode(title)}</h2>""");
        if (items.Count == 0)
        {
            html.Append("""<p class="empty">Nothing here this year.</p></div>""");
            return;
        }
        var max = Math.Max(1, items.Max(i => i.ListeningTimeMs));
        html.Append(Invariant, $"""<ol data-list="{name}">""");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var share = Math.Max(2.0, 100.0 * item.ListeningTimeMs / max);
            html.Append(Invariant, $"""<li><span class="rank" aria-hidden="true">{i + 1}</span><span class="what"><span class="name" data-item="name">{Encode(item.Name)}</span>""");
            if (item.Detail is { } detail) html.Append(Invariant, $"""<span class="detail">{Encode(detail)}</span>""");
            html.Append(Invariant, $"""<svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="6" rx="3" class="track"/><rect width="{share.ToString("0.##", Invariant)}" height="6" rx="3" class="fill"/></svg></span>""");
            html.Append(Invariant, $"""<span class="minutes"><span data-item="minutes">{Number(item.Minutes)}</span> min</span></li>""");
        }
        html.Append("</ol></div>");
    }

    private static void Charts(StringBuilder html, WrappedSummaryRecord s)
    {
        var monthMinutes = s.ListeningTimeMsByMonth.Select(WrappedMinutes.Of).ToArray();
        var busiestMonth = Array.IndexOf(monthMinutes, monthMinutes.Max());
        var busiestHour = IndexOfMax(s.PlaysByHour);
        var busiestDay = IndexOfMax(s.PlaysByWeekday);
        html.Append("""<section class="charts">""");

        Figure(html, "months", "Minutes by month", $"You listened most in {FullMonth(busiestMonth)}: {Number(monthMinutes[busiestMonth])} minutes.",
            Months, monthMinutes, "month", "minutes", busiestMonth, valueLabels: true, tickEvery: 1);
        Figure(html, "hours", "Listening by hour of day", $"Your busiest hour was {busiestHour:00}:00–{busiestHour:00}:59, with {Number(s.PlaysByHour[busiestHour])} plays.",
            Enumerable.Range(0, 24).Select(h => h.ToString("00", Invariant)).ToArray(), s.PlaysByHour, "hour", "plays", busiestHour, valueLabels: false, tickEvery: 3);
        Figure(html, "weekdays", "Listening by day of the week", $"{Weekdays[busiestDay]} was your day, with {Number(s.PlaysByWeekday[busiestDay])} plays.",
            Weekdays, s.PlaysByWeekday, "weekday", "plays", busiestDay, valueLabels: true, tickEvery: 1);
        Scores(html, s.Scores);
        html.Append("</section>");
    }

    /// <summary>The four scores behind the letters, with what each measures: the page shows its working.</summary>
    private static void Scores(StringBuilder html, ListeningScores scores)
    {
        html.Append("""<section class="figure scores" aria-labelledby="scores-title"><h2 id="scores-title">How your plays read you</h2><p class="note">Each letter compares your score with everyone's median this year.</p><dl>""");
        Score(html, "familiarity", "Familiarity", Percent(scores.Familiarity), "of your plays were by artists you had played before.");
        Score(html, "newness", "Newness", scores.Newness.ToString("0.00", Invariant), "was the mean newness of your tracks (0 oldest, 1 newest).");
        Score(html, "loyalty", "Loyalty", Percent(scores.Loyalty), "of your plays repeated the track or the artist just before.");
        Score(html, "commonality", "Commonality", Percent(scores.Commonality), "of the tracks you could have played instead were less popular than your pick.");
        html.Append("</dl></section>");
    }

    private static void Score(StringBuilder html, string name, string title, string value, string meaning) =>
        html.Append(Invariant, $"""<div class="score"><dt>{Encode(title)}</dt><dd><span class="score-value" data-stat="score-{name}">{value}</span> {Encode(meaning)}</dd></div>""");

    private static void Figure(StringBuilder html, string id, string title, string description, IReadOnlyList<string> labels,
        IReadOnlyList<long> values, string dataName, string unit, int highlight, bool valueLabels, int tickEvery)
    {
        html.Append(Invariant, $"""<figure class="figure figure-{id}"><figcaption><h2>{Encode(title)}</h2><p>{Encode(description)}</p></figcaption>""");
        SvgBarChart.Write(html, id, title, description, labels, values, valueLabels ? values.Select(Number).ToArray() : null, dataName, tickEvery, highlight);
        html.Append(Invariant, $"""<table class="visually-hidden"><caption>{Encode(title)}</caption><thead><tr><th scope="col">{Encode(dataName)}</th><th scope="col">{Encode(unit)}</th></tr></thead><tbody>""");
        for (var i = 0; i < values.Count; i++)
        {
            html.Append(Invariant, $"""<tr><th scope="row">{Encode(labels[i])}</th><td data-{dataName}="{i}">{Number(values[i])}</td></tr>""");
        }
        html.Append("</tbody></table></figure>");
    }

    private static int IndexOfMax(IReadOnlyList<long> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best]) best = i;
        }
        return best;
    }

    private static string FullMonth(int month) => new DateOnly(2000, month + 1, 1).ToString("MMMM", Invariant);

    /// <summary>A play's end in the summary's time zone, e.g. "3 Jan at 08:12".</summary>
    private static string Moment(WrappedSummaryRecord s, long utcMs)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(utcMs);
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant;
        return Encode(local.ToString("d MMM 'at' HH:mm", Invariant));
    }

    private static string Number(long value) => value.ToString("N0", Invariant);

    private static string Percent(double share) => (share * 100).ToString("0.0", Invariant) + "%";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
