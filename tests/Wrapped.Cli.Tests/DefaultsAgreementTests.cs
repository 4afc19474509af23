using System.Text.RegularExpressions;
using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>The README's options table, the help text and the code say the same defaults.</summary>
public sealed partial class DefaultsAgreementTests
{
    /// <summary>The README's options table: each option with the text of its default column.</summary>
    private static IReadOnlyList<(string Option, string Default)> ReadmeDefaults()
    {
        var rows = new List<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "README.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith("`--", StringComparison.Ordinal)) continue;
            foreach (Match option in OptionName().Matches(cells[1])) rows.Add((option.Value, cells[2].Replace("`", "", StringComparison.Ordinal)));
        }
        return rows;
    }

    /// <summary>Each option of a verb's help with its description (wrapped lines joined, whitespace collapsed).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> HelpOf(string verb)
    {
        var help = (await CliRunner.RunAsync(verb, "--help")).Stdout;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in help.Split('\n'))
        {
            var entry = HelpEntry().Match(line);
            if (entry.Success)
            {
                current = entry.Groups["option"].Value;
                options[current] = entry.Groups["rest"].Value.Trim();
            }
            else if (current is not null && line.StartsWith("    ", StringComparison.Ordinal))
            {
                options[current] += " " + line.Trim();
            }
            else
            {
                current = null;
            }
        }
        return options.ToDictionary(o => o.Key, o => Whitespace().Replace(o.Value, " "));
    }

    [Fact]
    public async Task Readme_EveryOptionDefault_IsWhatTheRunHelpSays()
    {
        var help = await HelpOf("run");
        var readme = ReadmeDefaults().Where(row => help.ContainsKey(row.Option)).ToList();
        Assert.True(readme.Count >= 10, $"the README's table lists the options of run ({readme.Count} found)");

        Assert.All(readme, row =>
        {
            var described = help[row.Option];
            Assert.True(
                described.Contains($"[default: {row.Default}]", StringComparison.Ordinal) || described.Contains(row.Default, StringComparison.Ordinal),
                $"README says {row.Option} defaults to '{row.Default}'; run --help says: {described}");
        });
    }

    [Theory]
    [InlineData("run", "--start")]
    [InlineData("simulate", "--start")]
    [InlineData("prepare", "--ref-date")]
    public async Task Help_DefaultStart_IsTheReadmesSentence(string verb, string option)
    {
        var readmeStart = ReadmeDefaults().Single(row => row.Option == "--start").Default;

        var help = await HelpOf(verb);

        Assert.Contains(readmeStart, help[option], StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_OptionsTable_StatesEveryBoundOfARun()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var table = readme[readme.IndexOf("| option | default | meaning |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];

        Assert.All(
            new long[]
            {
                Core.Feed.RunLimits.MaxUsers, Core.Feed.RunLimits.MaxDays, Core.Feed.RunLimits.MaxPartSize, Core.Feed.RunLimits.MaxParts,
                Core.Feed.RunLimits.MaxBatches, Core.Feed.RunLimits.MaxParallelBatches, Core.Feed.RunLimits.MaxClusters,
                Core.Feed.RunIdentity.MaxRunIdLength, Core.Feed.RunIdentity.MaxDatasetLength,
            },
            bound => Assert.Contains(bound.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), table, StringComparison.Ordinal));
        Assert.Contains(Core.Feed.RunCalendar.EarliestStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), table, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"--[a-z-]+")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"^\s{2,}(?:-\w, )?(?<option>--[a-z-]+)(?<rest>.*)$")]
    private static partial Regex HelpEntry();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
