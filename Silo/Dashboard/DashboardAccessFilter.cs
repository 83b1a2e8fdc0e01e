using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace VibeCoder.Silo.Dashboard;

/// <summary>
/// Guards every dashboard route. With credentials configured, a request needs the bearer token (header or
/// <c>?token=</c>) or the Basic user and password: 401 otherwise, with a Basic challenge so a browser asks.
/// Without credentials, only loopback clients pass: 403 otherwise.
/// </summary>
/// <remarks>
/// Secrets are compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, so
/// neither the content nor the length of a secret leaks through timing. The client address is the connection's:
/// forwarded headers are not trusted here (a proxy in front makes every client non-loopback, which is the safe side).
/// </remarks>
internal sealed class DashboardAccessFilter(IOptions<DashboardOptions> options) : IEndpointFilter
{
    private const string Realm = "VibeCoder dashboard";

    private readonly DashboardOptions _options = options.Value;
    private readonly byte[]? _tokenDigest = Digest(options.Value.Token);
    private readonly byte[]? _basicDigest = options.Value.HasBasic ? Digest($"{options.Value.Username}:{options.Value.Password}") : null;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!_options.RequiresCredentials)
        {
            return IsLoopback(http.Connection.RemoteIpAddress)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "The dashboard is open to loopback clients only",
                    detail: "Set DASHBOARD_USERNAME and DASHBOARD_PASSWORD, or DASHBOARD_TOKEN, to open it to others."));
        }

        if (IsAuthorized(http.Request))
        {
            return next(context);
        }

        if (_basicDigest is not null)
        {
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        }
        else
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\"";
        }

        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized, title: "Credentials are required to open the dashboard"));
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private bool IsAuthorized(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (_tokenDigest is not null)
        {
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(_tokenDigest, authorization["Bearer ".Length..].Trim()))
            {
                return true;
            }

            if (request.Query.TryGetValue("token", out var token) && Matches(_tokenDigest, token.ToString()))
            {
                return true;
            }
        }

        if (_basicDigest is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                return Matches(_basicDigest, decoded);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    private static bool Matches(byte[] expectedDigest, string presented) =>
        CryptographicOperations.FixedTimeEquals(expectedDigest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private static byte[]? Digest(string? secret) =>
        string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
