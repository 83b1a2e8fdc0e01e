using Microsoft.AspNetCore.Http.HttpResults;
using VibeCoder.Grains.Carousels.EditLinks;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// Lets an edit of carousel <c>{id}</c> through when the caller holds an API key or that carousel's edit token
/// (<see cref="EditLinkSigner.HeaderName"/>, from a signed link); 401 without one, or with a forged or expired one, and
/// 403 for a genuine token of another carousel. Reads stay open: only changes need the link.
/// </summary>
internal sealed class EditAccessFilter(ApiKeyRing keys, EditLinkSigner links) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (keys.Identify(http) == ApiCaller.Trusted)
        {
            return await next(context);
        }

        var jobId = http.GetRouteValue("id") as string ?? "";
        var check = await links.CheckAsync(jobId, http.Request.Headers[EditLinkSigner.HeaderName].ToString(), http.RequestAborted);
        return check.Status switch
        {
            EditTokenStatus.Valid => await next(context),
            EditTokenStatus.Missing => Unauthorized(http, "Editing needs the carousel's edit link (its token in X-Edit-Token) or an API key. The bot gives a link with /web."),
            EditTokenStatus.Expired => Unauthorized(http, $"This edit link expired at {check.ExpiresAt:u}. Send /web to the bot for a new one."),
            EditTokenStatus.OtherCarousel => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This edit link is for another carousel."),
            _ => Unauthorized(http, "The edit link is not valid (damaged or not ours). Send /web to the bot for a new one."),
        };
    }

    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        // A link, not a login: no Bearer challenge that would invite a browser's password prompt.
        http.Response.Headers.WWWAuthenticate = "EditToken realm=\"carousel\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Edit link needed", detail: detail);
    }
}
