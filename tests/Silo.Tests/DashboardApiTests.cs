using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Tests.Grains;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>The dashboard's JSON API over a live silo (served under the path base /ops, as behind an ingress).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = fixture.Host.CreateClient();

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task GrainTypes_AfterMoreCalls_ShowTypesAndGrowingCounts()
    {
        await GetJsonAsync("dashboard/api/overview"); // a look switches profiling on
        var key = Random.Shared.Next(1_000, 1_000_000);
        for (var i = 0; i < 5; i++)
        {
            await Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "api-test").WaitAsync(Timeout);
        }

        var before = await GetJsonAsync("dashboard/api/grains");
        var tallyBefore = TypeNamed(before, "tally");
        Assert.Contains(before.EnumerateArray(), t => t.GetProperty("grainType").GetString() == "greeter");
        Assert.True(tallyBefore.GetProperty("activations").GetInt32() >= 1);
        var addBefore = MethodCalls(tallyBefore, "Add");
        Assert.True(addBefore >= 5, $"expected at least 5 profiled Add calls, saw {addBefore}");

        for (var i = 0; i < 7; i++)
        {
            await Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "api-test").WaitAsync(Timeout);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Host.Grains.GetGrain<ITallyGrain>(key).Fail("boom").WaitAsync(Timeout));

        var after = TypeNamed(await GetJsonAsync("dashboard/api/grains"), "tally");
        Assert.True(MethodCalls(after, "Add") >= addBefore + 7);
        var fail = after.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "Fail");
        Assert.True(fail.GetProperty("calls").GetProperty("errors").GetInt64() >= 1);
        Assert.True(after.GetProperty("calls").GetProperty("meanLatencyMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Overview_AfterCalls_CountsActivationsPerType()
    {
        await Host.Grains.GetGrain<IGreeterGrain>("overview-" + Guid.NewGuid().ToString("N")).Greet("x").WaitAsync(Timeout);

        var overview = await GetJsonAsync("dashboard/api/overview");

        Assert.Equal("test-silo", overview.GetProperty("siloName").GetString());
        Assert.True(overview.GetProperty("profiling").GetBoolean());
        Assert.True(overview.GetProperty("activations").GetInt32() >= 2);
        var byType = overview.GetProperty("activationsByType").EnumerateArray().ToDictionary(t => t.GetProperty("grainType").GetString()!, t => t.GetProperty("activations").GetInt32());
        Assert.True(byType["greeter"] >= 1);
        Assert.True(byType["tally"] >= 1);
        Assert.True(overview.GetProperty("workingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task StateViewer_KnownGrain_ShowsPersistedStateAsJson()
    {
        var key = Random.Shared.Next(1_000_000, 2_000_000);
        await Host.Grains.GetGrain<ITallyGrain>(key).Add(41, "state-test").WaitAsync(Timeout);
        await Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "state-viewer").WaitAsync(Timeout);

        var view = await GetJsonAsync($"dashboard/api/state?id=tally/{key}");

        Assert.Equal($"tally/{key}", view.GetProperty("grainId").GetString());
        Assert.True(view.GetProperty("isActive").GetBoolean());
        var state = view.GetProperty("states").EnumerateArray().Single();
        Assert.Equal("tally", state.GetProperty("stateName").GetString());
        Assert.Equal("Default", state.GetProperty("storageName").GetString());
        Assert.True(state.GetProperty("recordExists").GetBoolean());
        Assert.Equal(42, state.GetProperty("state").GetProperty("count").GetInt32());
        Assert.Equal("state-viewer", state.GetProperty("state").GetProperty("lastBy").GetString());
    }

    [Fact]
    public async Task StateViewer_UnknownGrainTypeOrBadId_AnswersProblem()
    {
        using var unknown = await _client.GetAsync("dashboard/api/state?id=nosuchtype/1");
        using var malformed = await _client.GetAsync("dashboard/api/state?id=no-slash");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task ActiveGrains_OfType_ListsLiveActivationsPaged()
    {
        var keys = Enumerable.Range(0, 3).Select(_ => Random.Shared.Next(2_000_000, 3_000_000)).Distinct().ToArray();
        foreach (var key in keys)
        {
            await Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "active-test").WaitAsync(Timeout);
        }

        var page = await GetJsonAsync("dashboard/api/grains/tally/activations?limit=1000");
        var ids = page.GetProperty("grains").EnumerateArray().Select(g => g.GetProperty("grainId").GetString()).ToHashSet();
        var small = await GetJsonAsync("dashboard/api/grains/tally/activations?offset=1&limit=1");

        Assert.All(keys, key => Assert.Contains($"tally/{key}", ids));
        Assert.True(page.GetProperty("total").GetInt32() >= keys.Length);
        Assert.Single(small.GetProperty("grains").EnumerateArray());
        Assert.Equal(1, small.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Reminders_AfterGrainRegistersOne_AreListed()
    {
        var key = Random.Shared.Next(3_000_000, 4_000_000);
        await Host.Grains.GetGrain<ITallyGrain>(key).Remind(TimeSpan.FromHours(1)).WaitAsync(Timeout);

        var reminders = await GetJsonAsync("dashboard/api/reminders");

        var reminder = reminders.EnumerateArray().Single(r => r.GetProperty("grainId").GetString() == $"tally/{key}");
        Assert.Equal("tick", reminder.GetProperty("name").GetString());
        Assert.Equal(3600, reminder.GetProperty("periodSeconds").GetDouble());
    }

    [Fact]
    public async Task LogTail_AfterGrainLogs_ReturnsEntriesAfterSequence()
    {
        var start = await GetJsonAsync("dashboard/api/logs?after=0&limit=1");
        var after = start.GetProperty("next").GetInt64();
        var name = "tail" + Guid.NewGuid().ToString("N")[..8];
        await Host.Grains.GetGrain<IGreeterGrain>(name).Greet(name).WaitAsync(Timeout);

        var logs = await GetJsonAsync($"dashboard/api/logs?after={after}");

        var entry = logs.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("message").GetString()!.Contains(name, StringComparison.Ordinal));
        Assert.Equal("Information", entry.GetProperty("level").GetString());
        Assert.EndsWith("GreeterGrain", entry.GetProperty("category").GetString());
        Assert.True(entry.GetProperty("sequence").GetInt64() > after);
        Assert.True(logs.GetProperty("next").GetInt64() >= entry.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Streams_AfterAnItemIsDelivered_ShowProviderStreamAndSubscription()
    {
        var key = "k" + Guid.NewGuid().ToString("N")[..8];
        var item = "hello " + key;
        var delivered = Host.Services.GetRequiredService<StreamSignals>().WhenDelivered(item);
        await Host.Services.GetStreamProvider(TestHost.StreamProvider).GetStream<string>(EchoGrain.Namespace, key).OnNextAsync(item).WaitAsync(Timeout);
        await delivered.WaitAsync(Timeout);

        var streams = await GetJsonAsync("dashboard/api/streams");

        Assert.True(streams.GetProperty("available").GetBoolean());
        var provider = streams.GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == TestHost.StreamProvider);
        Assert.False(provider.GetProperty("isDurable").GetBoolean());
        Assert.True(provider.GetProperty("published").GetInt64() >= 1);
        var stream = provider.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("id").GetProperty("key").GetString() == key);
        Assert.Equal(EchoGrain.Namespace, stream.GetProperty("id").GetProperty("namespace").GetString());
        var subscription = stream.GetProperty("subscriptions").EnumerateArray().Single();
        Assert.Equal("implicit", subscription.GetProperty("kind").GetString());
        Assert.Empty(streams.GetProperty("deadLetters").EnumerateArray());
    }

    [Fact]
    public async Task Pipeline_WithRecordedJobs_ShowsStatusesStepsAndFailures()
    {
        var job = "job-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Pipeline.RecordStatus(JobStatus.Queued);
        fixture.Pipeline.RecordStep(WorkflowStep.Analyse, TimeSpan.FromMilliseconds(120), succeeded: true);
        fixture.Pipeline.RecordStep(WorkflowStep.Render, TimeSpan.FromMilliseconds(800), succeeded: false);
        fixture.Pipeline.RecordStatus(JobStatus.Failed);
        fixture.Pipeline.RecordFailure(new PipelineFailure(job, "cats in space", WorkflowStep.Render, "font missing", DateTimeOffset.UtcNow));

        var response = await GetJsonAsync("dashboard/api/pipeline");

        Assert.True(response.GetProperty("available").GetBoolean());
        var snapshot = response.GetProperty("snapshot");
        Assert.True(snapshot.GetProperty("jobsByStatus").GetProperty("Failed").GetInt64() >= 1);
        var render = snapshot.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "Render");
        Assert.True(render.GetProperty("failures").GetInt64() >= 1);
        var failure = snapshot.GetProperty("recentFailures").EnumerateArray().First(f => f.GetProperty("jobId").GetString() == job);
        Assert.Equal("font missing", failure.GetProperty("error").GetString());
        Assert.Equal("Render", failure.GetProperty("step").GetString());
    }

    [Fact]
    public async Task Page_WithoutTrailingSlash_RedirectsRelativelySoPrefixesSurvive()
    {
        using var client = Host.CreateClient(followRedirects: false);

        using var redirect = await client.GetAsync("dashboard?x=1");
        using var page = await client.GetAsync("dashboard/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("dashboard/?x=1", redirect.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"dashboard.css\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"dashboard.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    public void Dispose() => _client.Dispose();

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _client.GetAsync(path).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement TypeNamed(JsonElement types, string grainType) =>
        types.EnumerateArray().Single(t => t.GetProperty("grainType").GetString() == grainType);

    private static long MethodCalls(JsonElement type, string method) =>
        type.GetProperty("methods").EnumerateArray()
            .Where(m => m.GetProperty("method").GetString() == method)
            .Select(m => m.GetProperty("calls").GetProperty("calls").GetInt64())
            .SingleOrDefault();
}
