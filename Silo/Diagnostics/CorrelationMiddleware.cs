using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Gives every HTTP request a correlation id (the client's <c>X-Correlation-Id</c> when acceptable, else the
/// trace id, else a new one), echoes it in the response, and puts it where everything downstream finds it: the
/// grain request context (so grain calls and stream events carry it), the request's span and a logging scope.
/// It also names the server span after the route, which ASP.NET Core leaves generic.
/// </summary>
internal sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    private static readonly Func<object, Task> RouteTagger = TagRoute;

    public async Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        var supplied = context.Request.Headers[CorrelationIds.HeaderName].ToString();
        var correlationId = CorrelationIds.IsAcceptable(supplied)
            ? supplied
            : activity?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        context.Response.Headers[CorrelationIds.HeaderName] = correlationId;
        RequestContext.Set(CorrelationIds.RequestContextKey, correlationId);
        activity?.SetTag(CorrelationIds.TagName, correlationId);
        if (activity is not null)
        {
            context.Response.OnStarting(RouteTagger, context);
        }

        using (logger.BeginScope(new KeyValuePair<string, object?>[] { new(CorrelationIds.LogScopeKey, correlationId) }))
        {
            await next(context);
        }
    }

    private static Task TagRoute(object state)
    {
        var context = (HttpContext)state;
        if (Activity.Current is { } activity)
        {
            var route = (context.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText;
            activity.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
            activity.SetTag("http.request.method", context.Request.Method);
            activity.SetTag("url.path", context.Request.Path.Value);
            activity.SetTag("http.route", route);
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
        }

        return Task.CompletedTask;
    }
}
