namespace Wrapped.Core.Csv;

/// <summary>How a file writes dates whose year comes last (<c>3/4/2021</c>): the day or the month first.</summary>
public enum DayMonthOrder
{
    /// <summary><c>M/D/YYYY</c>, as US spreadsheets save dates; pandas' default, so the reference's reading of an ambiguous date.</summary>
    MonthFirst,

    /// <summary><c>D/M/YYYY</c>, as most of the world writes dates.</summary>
    DayFirst,
}
