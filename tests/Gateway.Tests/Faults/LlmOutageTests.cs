using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using VibeCoder.Grains.Users;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>
/// The AI service fails for longer than the client's own retries, so its circuit breaker opens: the job waits, says so
/// once, and carries on when the service is back; an outage longer than the job's deadline fails it and refunds quota.
/// </summary>
[Collection(OpenAiGatewayCollection.Name)]
public sealed class LlmOutageTests : IDisposable
{
    private const string DelayNotice = "Generation is delayed: the AI service is unavailable. Your carousel continues automatically.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly OpenAiGatewayFixture _fixture;

    public LlmOutageTests(OpenAiGatewayFixture fixture)
    {
        _fixture = fixture;
        _fixture.OpenAi.Reset();
    }

    private HttpClient Client => _fixture.Client;

    private OpenAiStandInServer OpenAi => _fixture.OpenAi;

    public void Dispose() => OpenAi.Outage = null; // a failed test must not leave the service down for the next one

    public static TheoryData<string> Outages => ["503", "timeout", "garbage"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Carousel_AiServiceDownThenHealed_ShowsTheNoticeOnceThenCompletesWithOneGeneration(string outage)
    {
        OpenAi.Outage = outage switch
        {
            "503" => ScriptedChatResponse.Error(503, "Service unavailable."),
            "timeout" => CarouselAnswers.Valid(3).After(TimeSpan.FromSeconds(30)),
            _ => ScriptedChatResponse.NotAChatCompletion(),
        };
        OpenAi.WhenEmpty = CarouselAnswers.Valid(3);
        var topic = $"Outage {outage} topic {Guid.NewGuid():N}";

        var id = await StartAsync(topic, userId: null);

        // Two failed calls open the breaker; the third request is the workflow's try after the break, so by then the
        // job has been told it is delayed.
        await OpenAi.WaitForRequestsAsync(3, Timeout);
        var delayed = await GetAsync(id);
        Assert.Equal("generating", delayed.GetProperty("status").GetString());
        Assert.Equal("write", delayed.GetProperty("step").GetString());
        Assert.Equal(DelayNotice, delayed.GetProperty("notice").GetString());

        OpenAi.Outage = null;
        var final = await WaitUntilFinalAsync(id);

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("notice").ValueKind);
        Assert.Equal(3, final.GetProperty("slides").GetArrayLength());
        Assert.Single(OpenAi.Completed, request => request.Messages.Any(m => m.Content.Contains(topic, StringComparison.Ordinal)));
        Assert.Single(LogLinesOf(id, "told the user"));
        Assert.True(LogLinesOf(id, "trying again in").Length >= 2, "the job tried more than once during the outage");
    }

    [Fact]
    public async Task Carousel_OutageLongerThanTheDeadline_FailsWithTheMessageAndRefundsQuota()
    {
        OpenAi.Outage = ScriptedChatResponse.Error(503, "Service unavailable.");
        var user = "outage-user-" + Guid.NewGuid().ToString("N")[..8];
        var users = _fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(user);

        var id = await StartAsync("An outage that outlasts the deadline", user);
        Assert.False((await users.TryReserveQuota("probe-" + Guid.NewGuid().ToString("N")).WaitAsync(Timeout)).Allowed, "the job holds the only quota unit");
        await OpenAi.WaitForRequestsAsync(3, Timeout);
        Assert.Equal(DelayNotice, (await GetAsync(id)).GetProperty("notice").GetString());
        var final = await WaitUntilFinalAsync(id);

        Assert.Equal("failed", final.GetProperty("status").GetString());
        Assert.Equal(
            "The AI service stayed unavailable for too long, so this carousel could not be written. Please try again later.",
            final.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("notice").ValueKind);
        var lasted = final.GetProperty("completedAt").GetDateTimeOffset() - final.GetProperty("createdAt").GetDateTimeOffset();
        // The deadline counts from the workflow's start, a moment before the job record is created.
        Assert.True(lasted >= OpenAiGatewayFixture.JobDeadline - TimeSpan.FromSeconds(1), $"the job waited out its deadline (failed after {lasted})");
        Assert.True((await users.TryReserveQuota("probe-" + Guid.NewGuid().ToString("N")).WaitAsync(Timeout)).Allowed, "the failed job's quota unit was given back");
        Assert.Single(LogLinesOf(id, "told the user"));
        Assert.Single(LogLinesOf(id, "past the job deadline"));
    }

    private async Task<string> StartAsync(string topic, string? userId)
    {
        using var accepted = await Client.PostAsJsonAsync("/api/carousels", new { topic, slides = 3, userId }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetAsync(string id, int waitSeconds = 0)
    {
        using var response = await Client.GetAsync($"/api/carousels/{id}?waitSeconds={waitSeconds}").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Long-polls the API: each call returns when the job is final or after at most 25 s.
    private async Task<JsonElement> WaitUntilFinalAsync(string id)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var job = await GetAsync(id, waitSeconds: 25);
            if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled")
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} is still {job.GetProperty("status").GetString()}.");
        }
    }

    private string[] LogLinesOf(string jobId, string text) =>
        _fixture.Log.Where(line => line.Contains(jobId, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal)).ToArray();
}
