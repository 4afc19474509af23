using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Wrapped.Core.Feed;
using Wrapped.Core.Wrapped.Page;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using static Wrapped.Functions.HttpAnswers;

namespace Wrapped.Functions;

/// <summary>
/// <c>GET /api/runs/{runId}/wrapped/{userId}[?year=Y]</c>: a user's Wrapped from a finished run, as the web page (the
/// one the <c>wrapped --html</c> verb writes), or as the JSON record when the request accepts <c>application/json</c>.
/// 400 for a malformed run id, user id or year; 404 when the run, the user or the year has no Wrapped.
/// </summary>
public sealed class WrappedHttpFunctions(FeedStores stores)
{
    [Function(nameof(GetWrapped))]
    public async Task<HttpResponseData> GetWrapped(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/wrapped/{userId}")] HttpRequestData request,
        string runId,
        string userId,
        CancellationToken cancellationToken)
    {
        if (RunIdentity.RunIdProblem(runId) is { } problem)
            return await Problem(request, HttpStatusCode.BadRequest, $"runId {problem}.");
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            return await Problem(request, HttpStatusCode.BadRequest, $"userId must be a whole number, not '{userId}'.");
        int? year = null;
        if (Query(request.Url, "year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return await Problem(request, HttpStatusCode.BadRequest, $"year must be a whole number, not '{yearText}'.");
            year = parsed;
        }

        var found = await WrappedReader.FindAsync(stores.Output, new FeedLayout(runId), user, year, cancellationToken);
        if (found.Problem is { } missing) return await Problem(request, HttpStatusCode.NotFound, missing);

        if (WantsJson(request)) return await JsonAnswer(request, HttpStatusCode.OK, found.Summary!, cancellationToken);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "text/html; charset=utf-8");
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(WrappedPage.Render(found.Summary!, found.Username)), cancellationToken);
        return response;
    }

    /// <summary>JSON when asked for it; a browser's Accept (text/html first, */* last) gets the page.</summary>
    private static bool WantsJson(HttpRequestData request) =>
        request.Headers.TryGetValues("Accept", out var accept)
        && accept.SelectMany(a => a.Split(',')).Select(a => a.Split(';')[0].Trim()).FirstOrDefault(a => a is "application/json" or "text/html") == "application/json";

    private static string? Query(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : "")
            .FirstOrDefault();
}
