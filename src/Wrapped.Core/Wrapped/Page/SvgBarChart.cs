using System.Globalization;
using System.Net;
using System.Text;

namespace Wrapped.Core.Wrapped.Page;

/// <summary>
/// A column chart as inline SVG: one bar per value, its label under it and, where there is room, its value over it.
/// The SVG is an image with a title and a description for screen readers; the page puts the same numbers in a table
/// beside it, so nothing is said by the chart alone.
/// </summary>
internal static class SvgBarChart
{
    private const int Height = 180;
    private const int Top = 22;
    private const int Bottom = 26;

    /// <param name="id">Unique on the page: names the title and description elements.</param>
    /// <param name="valueLabels">The text over each bar, or null for none (too many bars to fit them).</param>
    /// <param name="tickEvery">Label every n-th bar only.</param>
    public static void Write(StringBuilder html, string id, string title, string description, IReadOnlyList<string> labels,
        IReadOnlyList<long> values, IReadOnlyList<string>? valueLabels, string dataName, int tickEvery = 1, int highlight = -1)
    {
        var barWidth = values.Count <= 12 ? 34 : 18;
        var gap = values.Count <= 12 ? 14 : 6;
        var width = values.Count * (barWidth + gap) - gap;
        var max = Math.Max(1, values.Max());
        var plot = Height - Top - Bottom;
        html.Append(CultureInfo.InvariantCulture,
            $"""<svg class="chart" viewBox="0 0 {width} {Height}" role="img" aria-labelledby="{id}-title {id}-desc" preserveAspectRatio="xMidYMid meet">""");
        html.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Encode(title)}</title><desc id="{id}-desc">{Encode(description)}</desc>""");
        html.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="0" y1="{Height - Bottom + 0.5}" x2="{width}" y2="{Height - Bottom + 0.5}"/>""");
        for (var i = 0; i < values.Count; i++)
        {
            var x = i * (barWidth + gap);
            var barHeight = values[i] == 0 ? 0 : Math.Max(2, (int)Math.Round((double)values[i] / max * plot));
            var y = Height - Bottom - barHeight;
            var kind = i == highlight ? "bar peak" : "bar";
            html.Append(CultureInfo.InvariantCulture,
                $"""<rect class="{kind}" x="{x}" y="{y}" width="{barWidth}" height="{barHeight}" rx="4" data-{dataName}="{i}" data-value="{values[i]}"/>""");
            if (valueLabels is not null)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"""<text class="value" x="{x + barWidth / 2.0}" y="{y - 6}" text-anchor="middle">{Encode(valueLabels[i])}</text>""");
            }
            if (i % tickEvery == 0)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"""<text class="tick" x="{x + barWidth / 2.0}" y="{Height - 8}" text-anchor="middle">{Encode(labels[i])}</text>""");
            }
        }
        html.Append("</svg>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
