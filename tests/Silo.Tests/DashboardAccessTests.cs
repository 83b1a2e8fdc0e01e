using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>
/// Who may open the Orleans dashboard (page, script, JSON API), the ops page and, when asked for, /metrics:
/// credentials when configured, loopback only when not.
/// </summary>
public sealed class DashboardAccessTests
{
    private const string Token = "s3cret-token-for-tests";
    private const string User = "ops";
    private const string Password = "correct horse battery staple";
    private const string DashboardCookiePrefix = "vibecoder-dashboard=";

    /// <summary>One of each kind of guarded resource: Orleans dashboard page, script, JSON API; ops page and API.</summary>
    private static readonly string[] Guarded = ["dashboard/", "dashboard/index.min.js", "dashboard/DashboardCounters", "ops/", "ops/api/pipeline"];

    [Fact]
    public async Task Dashboard_WithCredentialsConfigured_Answers401WithoutThemAnd200WithThem()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DASHBOARD_USERNAME"] = User,
            ["DASHBOARD_PASSWORD"] = Password,
            ["DASHBOARD_TOKEN"] = Token,
        });
        using var client = host.CreateClient();

        foreach (var path in Guarded)
        {
            using var anonymous = await SendAsync(client, path);
            using var wrongToken = await SendAsync(client, path, new AuthenticationHeaderValue("Bearer", Token + "x"));
            using var wrongPassword = await SendAsync(client, path, Basic(User, Password + "x"));
            using var bearer = await SendAsync(client, path, new AuthenticationHeaderValue("Bearer", Token));
            using var basic = await SendAsync(client, path, Basic(User, Password));

            Assert.True(HttpStatusCode.Unauthorized == anonymous.StatusCode, $"{path} anonymously: {anonymous.StatusCode}");
            Assert.StartsWith("Basic realm=", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.True(HttpStatusCode.Unauthorized == wrongToken.StatusCode, $"{path} with a wrong token: {wrongToken.StatusCode}");
            Assert.True(HttpStatusCode.Unauthorized == wrongPassword.StatusCode, $"{path} with a wrong password: {wrongPassword.StatusCode}");
            Assert.True(HttpStatusCode.OK == bearer.StatusCode, $"{path} with the token: {bearer.StatusCode}");
            Assert.True(HttpStatusCode.OK == basic.StatusCode, $"{path} with Basic: {basic.StatusCode}");
        }

        // Metrics stay open by default: in-cluster Prometheus scrapes by annotation, without credentials.
        using var metrics = await SendAsync(client, "metrics", remote: "10.1.2.3");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SwitchedOff_IsNotServedWhileOpsStays()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DASHBOARD_ENABLED"] = "false" });
        using var client = host.CreateClient();

        using var dashboard = await SendAsync(client, "dashboard/");
        using var ops = await SendAsync(client, "ops/api/pipeline");

        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
    }

    [Fact]
    public void DashboardSwitch_NotABoolean_FailsNamingTheVariable()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DASHBOARD_ENABLED"] = "sometimes" })
            .Build();

        var error = Assert.Throws<InvalidConfigurationException>(() => DashboardSwitch.IsEnabled(configuration));

        Assert.Contains("DASHBOARD_ENABLED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_QueryToken_AdmitsThePageAndSetsACookieForItsScriptsAndApi()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DASHBOARD_TOKEN"] = Token });
        using var client = host.CreateClient();

        using var page = await SendAsync(client, $"dashboard/?token={Uri.EscapeDataString(Token)}");
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DashboardCookiePrefix, StringComparison.Ordinal));
        var pair = cookie.Split(';')[0];
        using var apiWithCookie = await SendAsync(client, "dashboard/DashboardCounters", cookie: pair);
        using var opsWithCookie = await SendAsync(client, "ops/api/pipeline", cookie: pair);
        using var forgedCookie = await SendAsync(client, "dashboard/DashboardCounters", cookie: DashboardCookiePrefix + Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, apiWithCookie.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opsWithCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedCookie.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithRequireAuthAndToken_AdmitsRemoteScrapersThatPresentIt()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DASHBOARD_TOKEN"] = Token,
            ["METRICS_REQUIRE_AUTH"] = "true",
        });
        using var client = host.CreateClient();

        using var anonymous = await SendAsync(client, "metrics", remote: "203.0.113.7");
        using var bearer = await SendAsync(client, "metrics", new AuthenticationHeaderValue("Bearer", Token), remote: "203.0.113.7");
        using var dashboard = await SendAsync(client, "dashboard/DashboardCounters", new AuthenticationHeaderValue("Bearer", Token), remote: "203.0.113.7");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.StartsWith("# ", await bearer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Start_WithUsernameButNoPassword_FailsNamingTheVariable()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(new Dictionary<string, string?> { ["DASHBOARD_USERNAME"] = User }));

        Assert.Contains("DASHBOARD_PASSWORD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithMetricsRequireAuthNotABoolean_FailsNamingTheVariable()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => TestHost.StartAsync(new Dictionary<string, string?> { ["METRICS_REQUIRE_AUTH"] = "sometimes" }));

        Assert.StartsWith("METRICS_REQUIRE_AUTH", error.Message, StringComparison.Ordinal);
    }

    internal static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    internal static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string path, AuthenticationHeaderValue? authorization = null, string? remote = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        if (remote is not null)
        {
            request.Headers.Add(TestHost.RemoteAddressHeader, remote);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(15));
    }
}
