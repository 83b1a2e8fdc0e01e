using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using VibeCoder.Grains.Users;

namespace VibeCoder.Gateway.Tests.Faults;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresOutageTests(PostgresGatewayFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private HttpClient Client => fixture.Client;

    private IGrainFactory Grains => fixture.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task UserGrain_WriteFailsWhilePostgresIsDown_KeepsTheStoredSettings()
    {
        var user = Grains.GetGrain<IUserGrain>("write-fails-" + Guid.NewGuid().ToString("N")[..8]);
        await user.UpdateSettings(new UserSettings(SlideCount: 5)).WaitAsync(Timeout);

        await fixture.Postgres.StopServerAsync();
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => user.UpdateSettings(new UserSettings(SlideCount: 9)).WaitAsync(Timeout));
            var seenDuringOutage = await user.GetProfile().WaitAsync(Timeout);
            Assert.Equal(5, seenDuringOutage.Settings.SlideCount);
        }
        finally
        {
            await fixture.Postgres.StartServerAsync();
        }

        // Storage is back: the same activation writes again (its ETag is the stored one).
        await user.UpdateSettings(new UserSettings(SlideCount: 11)).WaitAsync(Timeout);
        Assert.Equal(11, (await user.GetProfile().WaitAsync(Timeout)).Settings.SlideCount);
    }

    [Fact]
    public async Task Gateway_PostgresFrozen_ReadinessFailsRequestsGet503AndBothRecoverWhenItThaws()
    {
        await fixture.Postgres.PauseAsync();
        HttpResponseMessage refused;
        try
        {
            using (var ready = await Client.GetAsync("/health/ready").WaitAsync(Timeout))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            refused = await Client.PostAsJsonAsync("/api/carousels", new { topic = "Frozen database topic", slides = 3, userId = "frozen-user" }).WaitAsync(Timeout);
        }
        finally
        {
            await fixture.Postgres.ResumeAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);

        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var ready = await Client.GetAsync("/health/ready", deadline.Token);
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token); // a readiness probe's polling
        }

        using var accepted = await Client.PostAsJsonAsync("/api/carousels", new { topic = "Thawed database topic", slides = 3, userId = "frozen-user" }, deadline.Token);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("id").GetString();
        using var final = await Client.GetAsync($"/api/carousels/{id}?waitSeconds=25", deadline.Token);
        Assert.Equal("completed", (await final.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("status").GetString());
    }
}
