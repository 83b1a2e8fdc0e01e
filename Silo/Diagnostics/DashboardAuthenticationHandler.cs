using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Who may open the developer pages (<c>/dashboard</c>, <c>/ops</c>, <c>/metrics</c> when protected): with
/// <c>DASHBOARD_USERNAME</c>/<c>DASHBOARD_PASSWORD</c> an HTTP Basic login, with <c>DASHBOARD_TOKEN</c> a bearer token
/// (header, or <c>?token=</c> once for a browser link); with neither, loopback clients only. Secrets are compared as
/// SHA-256 digests in constant time.
/// </summary>
/// <remarks>
/// A page opened with <c>?token=</c> loads scripts and calls its JSON API without the query (the Orleans dashboard's
/// own script knows nothing of our token), so a good query token also sets an HttpOnly, SameSite=Strict cookie holding
/// a digest of the token (never the token itself) that admits the page's later requests.
/// </remarks>
internal sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<DashboardAccessOptions> dashboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Dashboard";

    /// <summary>The cookie that remembers a query token for the rest of the browser session.</summary>
    public const string CookieName = "vibecoder-dashboard";

    private const string Realm = "VibeCoder dashboard";

    private readonly DashboardAccessOptions _dashboard = dashboard.Value;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!_dashboard.RequiresCredentials)
        {
            return Task.FromResult(Context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
                ? Success("loopback")
                : AuthenticateResult.NoResult());
        }

        var authorization = Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(_dashboard.Token))
        {
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(Matches(_dashboard.Token, authorization["Bearer ".Length..].Trim())
                    ? Success("token")
                    : AuthenticateResult.Fail("The bearer token does not match."));
            }

            var query = Request.Query["token"].ToString();
            if (query.Length > 0 && Matches(_dashboard.Token, query))
            {
                Response.Cookies.Append(CookieName, CookieValue(_dashboard.Token), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = Request.IsHttps,
                    Path = string.IsNullOrEmpty(Request.PathBase) ? "/" : Request.PathBase.Value,
                    IsEssential = true,
                });
                return Task.FromResult(Success("token"));
            }

            if (Request.Cookies[CookieName] is { Length: > 0 } cookie && Matches(CookieValue(_dashboard.Token), cookie))
            {
                return Task.FromResult(Success("token"));
            }
        }

        if (_dashboard.HasBasic && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                return Task.FromResult(Matches($"{_dashboard.Username}:{_dashboard.Password}", decoded)
                    ? Success(_dashboard.Username!)
                    : AuthenticateResult.Fail("The Basic credentials do not match."));
            }
            catch (FormatException)
            {
                return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not base64."));
            }
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!_dashboard.RequiresCredentials)
        {
            await WriteProblemAsync(
                StatusCodes.Status403Forbidden,
                "The dashboard is open to loopback clients only",
                "Set DASHBOARD_USERNAME and DASHBOARD_PASSWORD, or DASHBOARD_TOKEN, to open it to others.");
            return;
        }

        Response.Headers.WWWAuthenticate = _dashboard.HasBasic
            ? $"Basic realm=\"{Realm}\", charset=\"UTF-8\""
            : $"Bearer realm=\"{Realm}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Credentials are required to open the dashboard", null);
    }

    private Task WriteProblemAsync(int status, string title, string? detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
    }

    private AuthenticateResult Success(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));

    // A digest, so the cookie jar never holds the token itself; a changed token invalidates old cookies.
    private static string CookieValue(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vibecoder-dashboard-cookie:" + token)));

    private static bool Matches(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
