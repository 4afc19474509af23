using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Wrapped.Core.Feed;

namespace Wrapped.Functions;

/// <summary>How the HTTP functions answer: the feed's one JSON style (camelCase), whatever serializer the worker is configured with.</summary>
internal static class HttpAnswers
{
    public static Task<HttpResponseData> Problem(HttpRequestData request, HttpStatusCode status, string message) =>
        JsonAnswer(request, status, new { error = message }, CancellationToken.None);

    public static async Task<HttpResponseData> JsonAnswer(HttpRequestData request, HttpStatusCode status, object body, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.Body.WriteAsync(FeedJson.Serialize(body), cancellationToken);
        return response;
    }
}
