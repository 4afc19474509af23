using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;

namespace Wrapped.Pipeline.Steps;

/// <summary><c>_report.json</c>: how the inputs were prepared, or why they were rejected.</summary>
public sealed record RunReport(string RunId, string Status, PreparationReport? Preparation, InputRejection? Rejection)
{
    public const string PreparedStatus = "prepared";
    public const string RejectedStatus = "rejected";

    public static RunReport Prepared(string runId, PreparationReport report) => new(runId, PreparedStatus, report, null);

    public static RunReport Rejected(string runId, InputRejection rejection) => new(runId, RejectedStatus, null, rejection);
}
