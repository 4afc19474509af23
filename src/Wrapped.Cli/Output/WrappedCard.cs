using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;

namespace Wrapped.Cli.Output;

/// <summary>A user's Wrapped as a terminal card: the year in numbers, the top fives, listening by hour, the personality.</summary>
internal static class WrappedCard
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const string Blocks = " ▁▂▃▄▅▆▇█";
    private const int ChartRows = 5;
    private const int NameWidth = 24;

    public static void Write(TextWriter output, WrappedSummaryRecord summary, string? username)
    {
        // Colours on a terminal only: a pipe, a file or a test gets plain text.
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Off a terminal (a pipe, a test) Spectre assumes 80 columns; the card needs a little more.
        if (console.Profile.Width < 100) console.Profile.Width = 100;
        console.Write(Render(summary, username));
    }

    private static Panel Render(WrappedSummaryRecord s, string? username)
    {
        var who = username is { Length: > 0 } ? $"{Markup.Escape(username)} (user {s.UserId})" : $"user {s.UserId}";
        var rows = new List<IRenderable>
        {
            new Markup($"[bold green]{s.MinutesListened:N0}[/] minutes · [bold]{s.Plays:N0}[/] plays · [bold]{s.SkipRate * 100:0.0}%[/] skipped · "
                + $"[bold]{s.DistinctTracks:N0}[/] tracks · [bold]{s.DistinctArtists:N0}[/] artists"),
            new Text(""),
            TopFives(s),
            new Text(""),
            new Markup("[bold]Listening by hour[/] [grey](plays, " + Markup.Escape(s.TimeZone) + ")[/]"),
            new Text(HourChart(s.PlaysByHour)),
            new Text(""),
            Personality(s),
        };
        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader($" [bold]Wrapped {s.Year}[/] · {who} "),
            Border = BoxBorder.Rounded,
            Padding = new Padding(2, 1, 2, 1),
        };
    }

    private static Grid TopFives(WrappedSummaryRecord s)
    {
        var grid = new Grid();
        for (var c = 0; c < 3; c++) grid.AddColumn(new GridColumn().PadRight(3));
        grid.AddRow(new Markup("[bold]Top tracks[/]"), new Markup("[bold]Top artists[/]"), new Markup("[bold]Top genres[/]"));
        for (var i = 0; i < WrappedSummaryRecord.TopCount; i++)
        {
            grid.AddRow(Item(s.TopTracks, i), Item(s.TopArtists, i), Item(s.TopGenres, i));
        }
        return grid;
    }

    private static Markup Item(IReadOnlyList<WrappedTopItem> items, int i) => i < items.Count
        ? new Markup($"[green]{i + 1}[/] {Markup.Escape(Shorten(items[i].Name))} [grey]{items[i].Minutes:N0} min[/]")
        : new Markup("");

    private static string Shorten(string name) => name.Length <= NameWidth ? name : name[..(NameWidth - 1)] + "…";

    /// <summary>24 columns two characters wide, <see cref="ChartRows"/> rows of eighth blocks, hours marked every three.</summary>
    internal static string HourChart(IReadOnlyList<long> playsByHour)
    {
        var max = Math.Max(1, playsByHour.Max());
        var text = new StringBuilder();
        for (var row = ChartRows - 1; row >= 0; row--)
        {
            foreach (var plays in playsByHour)
            {
                // Eighths of a row filled at this height, 0 to 8.
                var eighths = (int)Math.Clamp(Math.Round((double)plays / max * ChartRows * 8) - row * 8, 0, 8);
                text.Append(Blocks[eighths], 2);
            }
            text.Append('\n');
        }
        for (var hour = 0; hour < 24; hour += 3) text.Append(hour.ToString("00", Invariant)).Append(' ', 4);
        return text.ToString().TrimEnd();
    }

    private static Rows Personality(WrappedSummaryRecord s)
    {
        var letters = PersonalityWords.Of(Core.Users.Personality.Parse(s.Personality));
        var lines = new List<IRenderable>
        {
            new Markup($"[bold]Personality[/] [bold black on green] {Markup.Escape(s.Personality)} [/] {Markup.Escape(string.Join(" · ", letters.Select(l => l.Word)))}"),
        };
        lines.AddRange(letters.Select(l => new Markup($"  [bold green]{l.Code}[/] [bold]{Markup.Escape(l.Word),-12}[/] {Markup.Escape(l.Meaning)}")));
        if (s.GeneratedPersonality is { } generated)
            lines.Add(new Markup($"  [grey]generated as {Markup.Escape(generated)}{(generated == s.Personality ? ": the events agree" : "")}[/]"));
        return new Rows(lines);
    }
}
