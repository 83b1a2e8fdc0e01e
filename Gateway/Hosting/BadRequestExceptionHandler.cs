using Microsoft.AspNetCore.Diagnostics;

namespace VibeCoder.Gateway.Hosting;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, wrong content type, body too large) into a
/// 400-class problem+json with one log line, instead of a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        Log.RejectedRequest(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, badRequest.Message);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read",
                Detail = badRequest.InnerException is System.Text.Json.JsonException
                    ? "The body is not valid JSON for this endpoint."
                    : badRequest.Message,
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Rejected {Method} {Path}: {StatusCode} {Reason}")]
        public static partial void RejectedRequest(ILogger logger, string method, PathString path, int statusCode, string reason);
    }
}
