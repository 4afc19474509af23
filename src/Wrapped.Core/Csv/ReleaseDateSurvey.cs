using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>
/// Looks at every release date of one file to decide how the file writes dates whose year comes last, and counts
/// the dates it cannot read. <c>3/4/2021</c> is 3 April in most of the world and 4 March in a US spreadsheet, so a
/// value alone cannot say; the file can, through its unambiguous values (<c>25/3/2021</c> is only day-first), and the
/// order it shows is applied to all its dates. Values that only read in the other order contradict the file and are
/// bad rows. A file whose year-last dates all read either way gets <see cref="DefaultOrder"/>.
/// </summary>
public sealed class ReleaseDateSurvey(string file)
{
    /// <summary>Month first: pandas' default, so the reading the reference gave an ambiguous date.</summary>
    public const DayMonthOrder DefaultOrder = DayMonthOrder.MonthFirst;

    private readonly RowIssueCollector _unreadable = new();
    private long _yearLast, _ambiguous, _dayFirstOnly, _monthFirstOnly, _missing;
    private (long Line, string Text)? _firstAmbiguous, _firstDayFirst, _firstMonthFirst;

    public void Observe(long line, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _missing++;
            return;
        }

        switch (YearLastDate.Classify(text.AsSpan().Trim()))
        {
            case YearLastDateKind.NotYearLast:
                if (ReleaseDateParser.Parse(text, DefaultOrder) is null)
                {
                    CountUnreadable(line, text);
                }

                return;
            case YearLastDateKind.Neither:
                _yearLast++;
                CountUnreadable(line, text);
                return;
            case YearLastDateKind.Ambiguous:
                _yearLast++;
                _ambiguous++;
                _firstAmbiguous ??= (line, text);
                return;
            case YearLastDateKind.SameEitherWay:
                _yearLast++;
                return;
            case YearLastDateKind.DayFirstOnly:
                _yearLast++;
                _dayFirstOnly++;
                _firstDayFirst ??= (line, text);
                return;
            case YearLastDateKind.MonthFirstOnly:
                _yearLast++;
                _monthFirstOnly++;
                _firstMonthFirst ??= (line, text);
                return;
        }
    }

    /// <summary>The file's order, the reason for it, and what was counted.</summary>
    public ReleaseDateReport Decide()
    {
        var (order, reason) = DecideOrder();
        var contradicting = order switch
        {
            DayMonthOrder.DayFirst => _monthFirstOnly,
            DayMonthOrder.MonthFirst => _dayFirstOnly,
            _ => 0,
        };
        return new ReleaseDateReport(
            file, order, reason, _yearLast, _ambiguous, _dayFirstOnly, _monthFirstOnly, contradicting, _missing, _unreadable.Count, _unreadable.Sample);
    }

    private (DayMonthOrder? Order, string Reason) DecideOrder()
    {
        if (_yearLast == 0)
        {
            return (null, "no release date is written with its year last, so the day-month order does not arise");
        }

        var dayFirst = Describe(_dayFirstOnly, "only day first", _firstDayFirst);
        var monthFirst = Describe(_monthFirstOnly, "only month first", _firstMonthFirst);
        if (_dayFirstOnly == 0 && _monthFirstOnly == 0)
        {
            return (DefaultOrder, Invariant(
                $"month first, the default (pandas' reading, as the reference's): none of the {_yearLast} year-last dates says which order the file uses{Example(_firstAmbiguous, ", e.g.")}"));
        }

        if (_dayFirstOnly > _monthFirstOnly)
        {
            return (DayMonthOrder.DayFirst, $"day first: {dayFirst}, against {monthFirst}{Contradiction(_monthFirstOnly)}");
        }

        if (_monthFirstOnly > _dayFirstOnly)
        {
            return (DayMonthOrder.MonthFirst, $"month first: {monthFirst}, against {dayFirst}{Contradiction(_dayFirstOnly)}");
        }

        return (DefaultOrder, $"month first, the default, on a tie: {monthFirst}, and {dayFirst}{Contradiction(_dayFirstOnly)}");
    }

    private static string Describe(long count, string what, (long Line, string Text)? first) =>
        count == 0 ? $"no date reads {what}" : Invariant($"{count} date{(count == 1 ? "" : "s")} read {what}{Example(first, ", first")}");

    private static string Example((long Line, string Text)? first, string lead) =>
        first is { } value ? Invariant($"{lead} at line {value.Line}: '{CsvValues.Shorten(value.Text)}'") : "";

    private static string Contradiction(long count) =>
        count == 0 ? "" : Invariant($"; the {count} that contradict{(count == 1 ? "s" : "")} it {(count == 1 ? "is a bad row" : "are bad rows")}");

    private void CountUnreadable(long line, string text) =>
        _unreadable.Add(new RowIssue(line, null, $"release date '{CsvValues.Shorten(text)}' is not a date this reader knows; counted as 0 months old"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How one file's release dates were read: the day-month order and why, and what could not be read.</summary>
/// <param name="YearLastOrder">The order applied to the file's dates with the year last; null when it has none.</param>
/// <param name="ContradictingRows">Rows whose date only reads in the other order: skipped as bad rows (they are in the file's row issues).</param>
/// <param name="Missing">Rows with an empty release date.</param>
/// <param name="Unreadable">Rows whose release date could not be read; they count as 0 months old, as in the reference.</param>
public sealed record ReleaseDateReport(
    string File,
    DayMonthOrder? YearLastOrder,
    string OrderReason,
    long YearLastDates,
    long Ambiguous,
    long DayFirstOnly,
    long MonthFirstOnly,
    long ContradictingRows,
    long Missing,
    long Unreadable,
    IReadOnlyList<RowIssue> UnreadableSample);
