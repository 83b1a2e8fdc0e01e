using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>
/// Without credentials: the Orleans dashboard and the ops page open to loopback clients only; both work under a path
/// prefix (as behind an ingress).
/// </summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class DiagnosticsPagesTests(DiagnosticsFixture fixture) : IDisposable
{
    private static readonly string[] Guarded = ["dashboard/", "dashboard/index.min.js", "dashboard/DashboardCounters", "ops/", "ops/ops.js", "ops/api/pipeline"];

    private readonly HttpClient _client = fixture.Host.CreateClient(followRedirects: false);

    [Fact]
    public async Task Pages_WithoutCredentials_OpenToLoopbackAndForbidRemoteClientsWithProblemJson()
    {
        foreach (var path in Guarded)
        {
            using var loopback = await DashboardAccessTests.SendAsync(_client, path);
            using var remote = await DashboardAccessTests.SendAsync(_client, path, remote: "10.1.2.3");
            using var remoteV6 = await DashboardAccessTests.SendAsync(_client, path, remote: "2001:db8::1");

            Assert.True(HttpStatusCode.OK == loopback.StatusCode, $"{path} from loopback: {loopback.StatusCode}");
            Assert.True(HttpStatusCode.Forbidden == remote.StatusCode, $"{path} from 10.1.2.3: {remote.StatusCode}");
            Assert.Equal("application/problem+json", remote.Content.Headers.ContentType?.MediaType);
            Assert.Contains("loopback", (await remote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.True(HttpStatusCode.Forbidden == remoteV6.StatusCode, $"{path} from 2001:db8::1: {remoteV6.StatusCode}");
        }
    }

    [Fact]
    public async Task Dashboard_WithoutTrailingSlash_RedirectsToThePageUnderThePrefix()
    {
        using var redirect = await DashboardAccessTests.SendAsync(_client, "dashboard");
        using var remote = await DashboardAccessTests.SendAsync(_client, "dashboard", remote: "10.1.2.3");

        Assert.True((int)redirect.StatusCode is 301 or 302 or 307 or 308, $"status {redirect.StatusCode}");
        Assert.Equal(DiagnosticsFixture.PathBase + "/dashboard/", new Uri(new Uri(fixture.Host.Address, DiagnosticsFixture.PathBase + "/dashboard"), redirect.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
    }

    [Fact]
    public async Task OpsPage_WithoutTrailingSlash_RedirectsRelativelyAndServesAStrictPage()
    {
        using var redirect = await DashboardAccessTests.SendAsync(_client, "ops?x=1");
        using var page = await DashboardAccessTests.SendAsync(_client, "ops/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("ops/?x=1", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"ops.css\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"ops.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpsAccess_Anonymous_TellsLoopbackYesAndRemoteNoWithoutAChallenge()
    {
        using var loopback = await DashboardAccessTests.SendAsync(_client, "ops/api/access");
        using var remote = await DashboardAccessTests.SendAsync(_client, "ops/api/access", remote: "10.1.2.3");
        var loopbackAccess = await loopback.Content.ReadFromJsonAsync<JsonElement>();
        var remoteAccess = await remote.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, loopback.StatusCode);
        Assert.True(loopbackAccess.GetProperty("allowed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, remote.StatusCode);
        Assert.False(remoteAccess.GetProperty("allowed").GetBoolean());
        Assert.False(remoteAccess.GetProperty("credentialsRequired").GetBoolean());
        Assert.Empty(remote.Headers.WwwAuthenticate);
    }

    public void Dispose() => _client.Dispose();
}
