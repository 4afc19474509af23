namespace Wrapped.Core.Csv;

/// <summary>Why one data row could not be used.</summary>
/// <param name="Line">Physical line (1-based, the header is line 1) where the record starts, counting line breaks inside quoted fields.</param>
/// <param name="Column">The header name of the offending column, or null when the problem is the row as a whole.</param>
public sealed record RowIssue(long Line, string? Column, string Reason);
