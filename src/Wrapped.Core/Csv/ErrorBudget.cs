using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>Decides whether a file lost too many rows to be trusted.</summary>
public static class ErrorBudget
{
    /// <summary>Throws <see cref="InputRejectedException"/> when the skipped share of rows is above <paramref name="budget"/>.</summary>
    public static void Enforce(CsvFileReport report, double budget)
    {
        if (report.RowsSkipped == 0 || report.RowsSkipped <= budget * report.RowsRead)
        {
            return;
        }

        var share = (double)report.RowsSkipped / report.RowsRead;
        var first = report.SampleIssues[0];
        var lines = string.Join(", ", report.SampleIssues.Take(5).Select(i => i.Line.ToString(CultureInfo.InvariantCulture)));
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{report.RowsSkipped} of {report.RowsRead} data rows ({share:P2}) could not be parsed, over the error budget of {budget:P2}; " +
            $"first at line{(report.SampleIssues.Count > 1 ? "s" : "")} {lines}: {first.Reason}");
        throw new InputRejectedException(new InputRejection(report.File, reason, first.Line, first.Column, report.SampleIssues));
    }
}
