using Microsoft.AspNetCore.Http.HttpResults;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// Refuses a request whose API key matches none with 401 problem+json. A wrong key is a broken or hostile client:
/// answering as if it were anonymous would hide a rotated or mistyped key behind surprise 429s.
/// </summary>
internal sealed class ApiKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    /// <summary>The challenge sent with 401.</summary>
    public const string Challenge = "Bearer realm=\"api\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (keys.Identify(context.HttpContext) != ApiCaller.WrongKey)
        {
            return await next(context);
        }

        return Unauthorized(context.HttpContext, $"The API key ({ApiKeyRing.HeaderName} or Authorization: Bearer) is not valid.");
    }

    /// <summary>401 problem+json with a <c>WWW-Authenticate</c> challenge.</summary>
    public static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.WWWAuthenticate = Challenge;
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }
}
