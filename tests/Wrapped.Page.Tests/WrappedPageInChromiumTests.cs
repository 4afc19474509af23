using System.Globalization;
using PuppeteerSharp;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;
using Wrapped.Core.Wrapped.Page;
using Wrapped.TestSupport;

namespace Wrapped.Page.Tests;

/// <summary>
/// The Wrapped page in a real browser: Debian's Chromium, driven by PuppeteerSharp (no browser can be downloaded here).
/// The page must load with no console error and no request, and every number it shows must be the summary's. The
/// screenshot is kept at <c>artifacts/wrapped-page/wrapped-page.png</c> under the repository root, beside the page.
/// </summary>
public sealed class WrappedPageInChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Page_InChromium_LoadsCleanlyAndShowsTheSummarysNumbers()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does when it is missing).");
        var summary = SimulatedSummary();
        var folder = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "wrapped-page")).FullName;
        var pagePath = Path.Combine(folder, "wrapped-page.html");
        await File.WriteAllTextAsync(pagePath, WrappedPage.Render(summary, "mia.listens"));

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) problems.Add($"console: {e.Message.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e.Message}");
        page.RequestFailed += (_, e) => problems.Add($"request failed: {e.Request.Url}");
        var requests = new List<string>();
        page.Request += (_, e) => requests.Add(e.Request.Url);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });

        await page.GoToAsync(new Uri(pagePath).AbsoluteUri, WaitUntilNavigation.Load);
        await page.ScreenshotAsync(Path.Combine(folder, "wrapped-page.png"), new ScreenshotOptions { FullPage = true });

        Assert.Empty(problems);
        Assert.Equal([new Uri(pagePath).AbsoluteUri], requests);
        var stats = await page.EvaluateExpressionAsync<Dictionary<string, string>>(
            "Object.fromEntries([...document.querySelectorAll('[data-stat]')].map(e => [e.dataset.stat, e.textContent.trim()]))");
        Assert.Equal(Whole((summary.ListeningTimeMs + 30_000) / 60_000), stats["minutes"]);
        Assert.Equal(Whole(summary.Plays), stats["plays"]);
        Assert.Equal((100.0 * summary.Skips / summary.Plays).ToString("0.0", Invariant) + "%", stats["skip-rate"]);
        Assert.Equal(Whole(summary.DistinctTracks), stats["distinct-tracks"]);
        Assert.Equal(Whole(summary.DistinctArtists), stats["distinct-artists"]);
        Assert.Equal(summary.Personality, stats["personality"]);
        Assert.Equal(summary.Year.ToString(Invariant), stats["year"]);

        Assert.Equal(summary.ListeningTimeMsByMonth.Select(ms => Whole((ms + 30_000) / 60_000)), await Texts(page, "td[data-month]"));
        Assert.Equal(summary.PlaysByHour.Select(Whole), await Texts(page, "td[data-hour]"));
        Assert.Equal(summary.PlaysByWeekday.Select(Whole), await Texts(page, "td[data-weekday]"));
        Assert.Equal(summary.TopTracks.Select(t => t.Name), await Texts(page, "ol[data-list=tracks] [data-item=name]"));
        Assert.Equal(summary.TopTracks.Select(t => Whole((t.ListeningTimeMs + 30_000) / 60_000)), await Texts(page, "ol[data-list=tracks] [data-item=minutes]"));
        Assert.Equal(summary.TopArtists.Select(a => a.Name), await Texts(page, "ol[data-list=artists] [data-item=name]"));
        Assert.Equal(summary.TopGenres.Select(g => g.Name), await Texts(page, "ol[data-list=genres] [data-item=name]"));

        // The bars are drawn to scale: heights in the order of the values, the tallest where the most listening was.
        var heights = await page.EvaluateExpressionAsync<double[]>("[...document.querySelectorAll('rect[data-month]')].map(r => r.getBBox().height)");
        var minutes = summary.ListeningTimeMsByMonth.ToArray();
        Assert.Equal(12, heights.Length);
        Assert.Equal(Array.IndexOf(minutes, minutes.Max()), Array.IndexOf(heights, heights.Max()));
        for (var a = 0; a < 12; a++)
        {
            for (var b = 0; b < 12; b++)
            {
                if (minutes[a] > minutes[b]) Assert.True(heights[a] >= heights[b], $"Month {a + 1} has more minutes than month {b + 1} but a shorter bar.");
            }
        }
    }

    private static async Task<string[]> Texts(IPage page, string selector) =>
        await page.EvaluateExpressionAsync<string[]>($"[...document.querySelectorAll('{selector}')].map(e => e.textContent.trim())");

    private static string Whole(long value) => value.ToString("N0", Invariant);

    /// <summary>Forty simulated listeners over most of a year; the first one's Wrapped, with its letters.</summary>
    private static WrappedSummaryRecord SimulatedSummary()
    {
        string[] genres = ["indie-pop", "house", "jazz", "hip-hop", "k-pop", "ambient", "soul"];
        var rows = SyntheticCatalog.Tracks(2_000, 300, seed: 8).Select((t, i) => t with { Genre = genres[i * 7 % 11 % genres.Length] }).ToList();
        var catalog = WrappedCatalog.Create(rows);
        var start = new DateOnly(2025, 1, 1);
        var generator = new UserGenerator(8, start);
        var simulator = new ListeningSimulator(catalog.Tracks, 8);
        using var aggregator = new WrappedAggregator(catalog);
        var sink = new AggregatingSink(aggregator);
        var users = Enumerable.Range(0, 40).Select(u => generator.Create(u)).ToArray();
        foreach (var user in users)
        {
            var state = simulator.CreateInitialState(user.UserId);
            for (var day = start; day < new DateOnly(2025, 10, 1); day = day.AddDays(1)) simulator.SimulateDay(user, state, day, sink);
        }
        var summaries = aggregator.Summaries(id => users[id].Personality.Code);
        var medians = PersonalityMedians.Of(summaries.Select(s => (s.Year, s.Scores))).Single();
        return summaries[0] with { Personality = medians.Classify(summaries[0].Scores).Code };
    }

    private sealed class AggregatingSink(WrappedAggregator aggregator) : IListeningEventSink
    {
        public void Add(in ListeningEvent e) => aggregator.Add(e.UserId, e.TimestampMs, e.TrackIndex, e.ListeningTimeMs);
    }
}
