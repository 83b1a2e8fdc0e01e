using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Grains.Users;
using Xunit.Abstractions;

namespace VibeCoder.Gateway.Tests.Faults;

[Collection(PostgresGatewayCollection.Name)]
public sealed class PostgresRestartTests(PostgresGatewayFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task CarouselApi_PostgresRestartsUnderLoad_Answers503WithRetryAfterAndCompletesEveryAcceptedJobOnce()
    {
        const int Carousels = 40;
        var userId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var monitor = fixture.Services.GetRequiredService<PipelineMonitor>();
        var rendersBefore = RenderSuccesses(monitor);
        var load = new CarouselLoad(Client, userId, Carousels);

        var sending = load.RunAsync(workers: 4);
        await load.AcceptedAtLeast(8).WaitAsync(Timeout);
        await fixture.Postgres.StopServerAsync();
        await load.RefusedAtLeast(3).WaitAsync(Timeout);
        await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
        await fixture.Postgres.StartServerAsync();
        await WaitForReadinessAsync(HttpStatusCode.OK);
        await sending.WaitAsync(Timeout);

        var accepted = load.Accepted;
        var finals = await Task.WhenAll(accepted.Select(job => WaitForFinalAsync(job.Id)));
        var history = await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(userId).GetHistory(1000);
        var rendered = RenderSuccesses(monitor) - rendersBefore;
        output.WriteLine($"status codes: {string.Join(", ", load.StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"accepted {accepted.Count}, completed {finals.Count(f => f == "completed")}, jobs in history {history.Count}, renders {rendered}");
        foreach (var line in fixture.Log.Where(l => l.Contains("Error", StringComparison.Ordinal)).Take(20))
        {
            output.WriteLine(line);
        }

        Assert.Equal(Carousels, accepted.Count);
        Assert.All(finals, status => Assert.Equal("completed", status));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable], load.StatusCounts.Keys.Order());
        Assert.Contains(fixture.Log, line => line.Contains("Unavailable: PostgreSQL", StringComparison.Ordinal));
        Assert.All(load.Refusals, refusal =>
        {
            Assert.Equal("application/problem+json", refusal.ContentType);
            Assert.NotNull(refusal.RetryAfter);
        });

        // Done twice: a topic (one client intent) with two jobs. A step whose outcome could not be written while the
        // database was down runs again (rendering is deterministic, so the repeat makes the same slides): renders may
        // exceed jobs by the few steps the outage caught, never fall short of them.
        Assert.Empty(history.GroupBy(h => h.Topic).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(accepted.Count, history.Count);
        Assert.InRange(rendered, accepted.Count, accepted.Count + load.Refusals.Count);
    }

    private static long RenderSuccesses(PipelineMonitor monitor) =>
        monitor.Snapshot().Steps.Where(s => s.Step == WorkflowStep.Render).Sum(s => s.Count - s.Failures);

    private async Task WaitForReadinessAsync(HttpStatusCode expected)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var response = await Client.GetAsync("/health/ready", deadline.Token);
            if (response.StatusCode == expected)
            {
                return;
            }

            // A readiness probe polls, as a load balancer would.
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    private async Task<string> WaitForFinalAsync(string id)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            using var response = await Client.GetAsync($"/api/carousels/{id}?waitSeconds=20", deadline.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = (await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("status").GetString()!;
                if (status is "completed" or "failed" or "cancelled")
                {
                    return status;
                }
            }
        }
    }
}
