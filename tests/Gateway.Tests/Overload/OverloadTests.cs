using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Gateway.Tests.Overload;

[Collection(OverloadGatewayCollection.Name)]
public sealed class OverloadTests(OverloadGatewayFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Post_BurstBeyondTheBound_SomeAccepted_RestShedWith503ProblemAndRetryAfter_EveryAcceptedCompletes()
    {
        // Twenty-slide jobs drawn one slide at a time stay in flight for seconds: a simultaneous burst of 12 against a bound
        // of 2 cannot all be admitted, however the requests interleave.
        var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            fixture.Client.PostAsJsonAsync("/api/carousels", new { topic = $"Overload burst topic {i}", slides = 20 }))).WaitAsync(Timeout);

        Assert.All(burst, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
        var accepted = burst.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToArray();
        var shed = burst.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        Assert.NotEmpty(accepted);
        Assert.NotEmpty(shed);
        foreach (var refusal in shed)
        {
            Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
            Assert.InRange(refusal.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            var problem = await refusal.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal("Too busy", problem.GetProperty("title").GetString());
        }

        foreach (var response in accepted)
        {
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var job = await WaitForFinalAsync(id);
            Assert.Equal("completed", job.GetProperty("status").GetString());
            Assert.Equal(20, job.GetProperty("slides").GetArrayLength());
        }
    }

    [Fact]
    public async Task Render_JobsAndImageRequestsAtOnce_NeverDrawMoreSlidesAtOnceThanTheLimit()
    {
        var limiter = fixture.Services.GetRequiredService<RenderLimiter>();
        var ids = await Task.WhenAll(Enumerable.Range(0, OverloadGatewayFixture.MaxJobsInFlight).Select(i =>
            PostUntilAcceptedAsync($"Render limit topic {i}"))).WaitAsync(Timeout);

        // A PDF drawn while the jobs render: image requests share the same slots.
        var pdf = fixture.Client.GetAsync($"/api/carousels/{ids[0]}/archive.pdf");
        foreach (var id in ids)
        {
            Assert.Equal("completed", (await WaitForFinalAsync(id)).GetProperty("status").GetString());
        }

        await pdf.WaitAsync(Timeout);

        Assert.Equal(OverloadGatewayFixture.RenderConcurrency, limiter.Limit);
        Assert.InRange(limiter.PeakActive, 1, OverloadGatewayFixture.RenderConcurrency);
    }

    // A well-behaved client: a shed request (the other test's jobs may still hold the places) is sent again after its
    // Retry-After, capped so the test stays fast.
    private async Task<string> PostUntilAcceptedAsync(string topic)
    {
        while (true)
        {
            using var response = await fixture.Client.PostAsJsonAsync("/api/carousels", new { topic, slides = 7 });
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // the client's backoff, not a synchronisation
        }
    }

    private async Task<JsonElement> WaitForFinalAsync(string id)
    {
        // Long-poll until final: a job queued behind the others may take longer than one 25 s hold on a loaded machine.
        while (true)
        {
            var job = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/carousels/{id}?waitSeconds=25").WaitAsync(Timeout);
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled")
            {
                return job;
            }
        }
    }
}
