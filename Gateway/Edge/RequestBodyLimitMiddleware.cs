using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// Enforces an endpoint's <see cref="RequestBodyLimit"/>. A declared <c>Content-Length</c> above it is answered 413
/// problem+json without reading the body (Kestrel drains it within its own, larger cap, so the client reads the answer
/// on a healthy connection). Any other body gets the limit as the request's read limit, so reading a body of unknown
/// length stops there with a 413 from the exception handler, and a limit above Kestrel's general cap is honoured.
/// </summary>
internal sealed partial class RequestBodyLimitMiddleware(RequestDelegate next, IProblemDetailsService problems, ILogger<RequestBodyLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is not { } limit)
        {
            await next(http);
            return;
        }

        if (http.Request.ContentLength is { } declared && declared > limit.MaxBytes)
        {
            Log.TooLarge(logger, http.Request.Method, http.Request.Path, declared, limit.MaxBytes);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = string.Create(CultureInfo.InvariantCulture, $"This endpoint reads at most {limit.MaxBytes} bytes."),
                },
            });
            return;
        }

        // The endpoint's limit becomes the request's read limit: a body of unknown length stops there, and an endpoint that
        // allows more than Kestrel's general cap (the background upload) may read a declared body up to its own limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit.MaxBytes;
        }

        await next(http);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Refused {Method} {Path}: body of {Declared} bytes, at most {Limit}")]
        public static partial void TooLarge(ILogger logger, string method, PathString path, long declared, long limit);
    }
}
