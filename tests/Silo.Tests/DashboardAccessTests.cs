using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using VibeCoder.Silo.Dashboard;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>Who may open the dashboard: credentials when configured, loopback only when not.</summary>
public sealed class DashboardAccessTests
{
    private const string Token = "s3cret-token-for-tests";
    private const string User = "ops";
    private const string Password = "correct horse battery staple";

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

        using var anonymous = await client.GetAsync("dashboard/api/overview");
        using var wrongToken = await SendAsync(client, "dashboard/api/overview", new AuthenticationHeaderValue("Bearer", Token + "x"));
        using var wrongPassword = await SendAsync(client, "dashboard/api/overview", Basic(User, Password + "x"));
        using var bearer = await SendAsync(client, "dashboard/api/overview", new AuthenticationHeaderValue("Bearer", Token));
        using var query = await client.GetAsync($"dashboard/api/overview?token={Uri.EscapeDataString(Token)}");
        using var basic = await SendAsync(client, "dashboard/", Basic(User, Password));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic realm=", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithCredentialsConfigured_AdmitsRemoteClientsThatPresentThem()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DASHBOARD_TOKEN"] = Token });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(TestHost.RemoteAddressHeader, "203.0.113.7");

        using var anonymous = await client.GetAsync("dashboard/api/overview");
        using var bearer = await SendAsync(client, "dashboard/api/overview", new AuthenticationHeaderValue("Bearer", Token));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithoutCredentials_OpensToLoopbackAndForbidsRemoteClients()
    {
        await using var host = await TestHost.StartAsync();
        using var client = host.CreateClient();

        using var loopback = await client.GetAsync("dashboard/api/overview");
        using var remoteApi = await SendAsync(client, "dashboard/api/overview", remote: "10.1.2.3");
        using var remotePage = await SendAsync(client, "dashboard/", remote: "2001:db8::1");

        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remoteApi.StatusCode);
        Assert.Equal("application/problem+json", remoteApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, remotePage.StatusCode);
    }

    [Fact]
    public async Task Start_WithUsernameButNoPassword_FailsNamingTheVariable()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(new Dictionary<string, string?> { ["DASHBOARD_USERNAME"] = User }));

        Assert.Contains("DASHBOARD_PASSWORD", error.Message, StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization = null, string? remote = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        if (remote is not null)
        {
            request.Headers.Add(TestHost.RemoteAddressHeader, remote);
        }

        return await client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
