using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Diagnostics.Ops;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>The ops page's JSON API: the carousel pipeline, stream dead letters with re-drive, a job's event journal.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class OpsApiTests(DiagnosticsFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Pipeline_AfterACarouselAndAFailure_ShowsStatusesStepTimesAndTheError()
    {
        await fixture.Host.RunCarouselAsync("Why cats rule the internet");
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Pipeline.RecordFailure(new PipelineFailure(job, "cats in space", WorkflowStep.Render, "font missing", DateTimeOffset.UtcNow));

        var pipeline = await GetJsonAsync("ops/api/pipeline");

        Assert.True(pipeline.GetProperty("available").GetBoolean());
        var data = pipeline.GetProperty("data");
        Assert.True(data.GetProperty("jobsByStatus").GetProperty("completed").GetInt64() >= 1);
        Assert.True(data.GetProperty("jobsByStatus").GetProperty("queued").GetInt64() >= 1);
        var steps = data.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.All(["analyse", "write", "render"], step => Assert.True(steps[step].GetProperty("count").GetInt64() >= 1, step));
        Assert.True(steps["render"].GetProperty("meanMs").GetDouble() > 0);
        var failure = data.GetProperty("recentFailures").EnumerateArray().First(f => f.GetProperty("jobId").GetString() == job);
        Assert.Equal("font missing", failure.GetProperty("error").GetString());
        Assert.Equal("render", failure.GetProperty("step").GetString());
    }

    [Fact]
    public async Task DeadLetters_Redrive_NeedsTheHeaderThenRemovesTheLetterOnce()
    {
        var letter = fixture.DeadLetters.Add("carousel.completed", "history store unavailable");
        var path = $"ops/api/dead-letters/{letter.Id}/redrive";

        var listed = await GetJsonAsync("ops/api/dead-letters");
        using var withoutHeader = await _client.PostAsync(path, null).WaitAsync(Timeout);
        using var redriven = await PostRedriveAsync(path);
        using var again = await PostRedriveAsync(path);
        var after = await GetJsonAsync("ops/api/dead-letters");

        Assert.True(listed.GetProperty("available").GetBoolean());
        var item = listed.GetProperty("data").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == letter.Id);
        Assert.Equal("carousel.completed", item.GetProperty("eventType").GetString());
        Assert.Equal("history store unavailable", item.GetProperty("error").GetString());
        Assert.Equal(5, item.GetProperty("attempts").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Equal("application/problem+json", withoutHeader.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, redriven.StatusCode);
        Assert.True((await redriven.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal([letter.Id], fixture.DeadLetters.Redriven.Where(id => id == letter.Id));
        Assert.DoesNotContain(after.GetProperty("data").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == letter.Id);
    }

    [Fact]
    public async Task Journal_OfAJob_ListsItsEventsWithDataAsJson()
    {
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow;
        fixture.Journal.Append(job, new OpsJournalEntry("e1", "workflow.started", at, "workflow", "corr-j", null, "{\"jobId\":\"" + job + "\"}"));
        fixture.Journal.Append(job, new OpsJournalEntry("e2", "carousel.completed", at.AddSeconds(3), "workflow", "corr-j", "e1", "not json"));

        var journal = await GetJsonAsync($"ops/api/jobs/{job}/journal");
        var unknown = await GetJsonAsync("ops/api/jobs/no-such-job/journal");
        using var malformed = await _client.GetAsync("ops/api/jobs/bad%01id/journal").WaitAsync(Timeout);

        Assert.True(journal.GetProperty("available").GetBoolean());
        var events = journal.GetProperty("data").GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["workflow.started", "carousel.completed"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(job, events[0].GetProperty("data").GetProperty("jobId").GetString());
        Assert.Equal("not json", events[1].GetProperty("data").GetString());
        Assert.Equal("e1", events[1].GetProperty("causationId").GetString());
        Assert.Equal("corr-j", events[1].GetProperty("correlationId").GetString());
        Assert.Empty(unknown.GetProperty("data").GetProperty("events").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Sections_WithoutDeadLetterOrJournalSources_SayNotAvailableOnThisStorage()
    {
        await using var host = await TestHost.StartAsync();
        using var client = host.CreateClient();

        var features = await client.GetFromJsonAsync<JsonElement>("ops/api/features").WaitAsync(Timeout);
        var deadLetters = await client.GetFromJsonAsync<JsonElement>("ops/api/dead-letters").WaitAsync(Timeout);
        var journal = await client.GetFromJsonAsync<JsonElement>("ops/api/jobs/job-1/journal").WaitAsync(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "ops/api/dead-letters/dl-1/redrive");
        request.Headers.Add(OpsApi.RequestHeader, "1");
        using var redrive = await client.SendAsync(request).WaitAsync(Timeout);

        Assert.True(features.GetProperty("pipeline").GetBoolean());
        Assert.False(features.GetProperty("deadLetters").GetBoolean());
        Assert.False(features.GetProperty("journal").GetBoolean());
        Assert.False(deadLetters.GetProperty("available").GetBoolean());
        Assert.Equal("not available on this storage", deadLetters.GetProperty("reason").GetString());
        Assert.False(journal.GetProperty("available").GetBoolean());
        Assert.Equal("not available on this storage", journal.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, redrive.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> PostRedriveAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add(OpsApi.RequestHeader, "1");
        return await _client.SendAsync(request).WaitAsync(Timeout);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path).WaitAsync(Timeout);
        Assert.True(HttpStatusCode.OK == response.StatusCode, $"{path}: {response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
