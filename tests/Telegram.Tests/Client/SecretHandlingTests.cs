using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using VibeCoder.Grains.Telegram.Client;
using VibeCoder.Telegram.Bot.Tests.Infrastructure;
using VibeCoder.TestServers.Telegram;

namespace VibeCoder.Telegram.Bot.Tests.Client;

/// <summary>The token is part of every request URL; it must not leak into logs, traces or exceptions.</summary>
public sealed class SecretHandlingTests : IClassFixture<StandInFixture>
{
    private const long ChatId = 9901;

    // Listeners see the whole process; a root span per test tells this test's spans from parallel tests' ones.
    private static readonly ActivitySource TestSource = new("VibeCoder.Telegram.Bot.Tests");
    private readonly BotApiStandInServer _server;

    public SecretHandlingTests(StandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task Logs_SuccessRetriesAndFailures_NeverContainTheToken()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.InjectFailures("sendMessage", 1, BotApiFailure.TooManyRequests(1));
        _server.InjectFailures("getMe", 1, BotApiFailure.ServerError());
        _server.InjectFailures("deleteMessage", 1, BotApiFailure.BlockedByUser());

        await Assert.ThrowsAsync<TelegramRetryLaterException>(() => harness.Client.SendMessage(ChatId + 2, "hello").WaitAsync(TestFiles.Timeout));
        await harness.Client.GetMe().WaitAsync(TestFiles.Timeout);
        await Assert.ThrowsAsync<TelegramUserBlockedException>(() => harness.Client.DeleteMessage(ChatId, 1).WaitAsync(TestFiles.Timeout));
        await Assert.ThrowsAsync<ApiRequestException>(() => harness.Client.EditMessageText(ChatId + 1, 404, "x").WaitAsync(TestFiles.Timeout));

        // The retries and failures were logged (so the capture works) without the token or the URL path.
        Assert.Contains(harness.Logs.Entries, entry => entry.Contains("Telegram sendMessage: flood control for chat 9903"));
        Assert.Contains(harness.Logs.Entries, entry => entry.Contains("Telegram getMe attempt 1 failed (500)"));
        Assert.Contains(harness.Logs.Entries, entry => entry.Contains("chat 9901 is no longer reachable"));
        Assert.DoesNotContain(_server.Token, harness.Logs.AllText);
        Assert.DoesNotContain("/bot", harness.Logs.AllText);
    }

    [Fact]
    public async Task Logs_DefaultHttpClientLogging_WouldLeakTheToken()
    {
        // The control for the test above: a factory client with its default logging writes the URL, token included.
        var logs = new LogCapture();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddHttpClient()
            .BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("plain");

        using var response = await http.PostAsync(_server.MethodUri("getMe"), null).WaitAsync(TestFiles.Timeout);

        Assert.Contains(_server.Token, logs.AllText);
    }

    [Fact]
    public async Task Exceptions_ApiErrorAndUnreachableServer_NeverContainTheToken()
    {
        var deadServer = await BotApiStandInServer.StartAsync();
        var deadAddress = deadServer.BaseAddress;
        await deadServer.DisposeAsync();
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        await using var unreachable = ClientHarness.Create(deadAddress, options => options.MaxAttempts = 2);
        _server.InjectFailures("getMe", 1, new BotApiFailure(401, "Unauthorized"));

        var apiError = await Assert.ThrowsAsync<ApiRequestException>(() => harness.Client.GetMe().WaitAsync(TestFiles.Timeout));
        var networkError = await Assert.ThrowsAsync<RequestException>(() => unreachable.Client.GetMe().WaitAsync(TestFiles.Timeout));

        Assert.Equal(401, apiError.ErrorCode);
        Assert.DoesNotContain(_server.Token, apiError.ToString());
        Assert.DoesNotContain(_server.Token, networkError.ToString());
        Assert.DoesNotContain(_server.Token, unreachable.Logs.AllText);
    }

    [Fact]
    public async Task Traces_ApiCall_HaveTheMethodButNotTheToken()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "VibeCoder.Telegram" or "VibeCoder.Telegram.Bot.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        using var root = TestSource.StartActivity("test")!;

        await harness.Client.SendMessage(ChatId, "traced").WaitAsync(TestFiles.Timeout);

        Activity[] seen;
        lock (activities)
        {
            seen = activities.Where(activity => activity.TraceId == root.TraceId && activity != root).ToArray();
        }

        var span = Assert.Single(seen);
        Assert.Equal("telegram sendMessage", span.DisplayName);
        Assert.Equal(1, span.GetTagItem("telegram.attempts"));
        Assert.Equal("sendMessage", span.GetTagItem("telegram.method"));
        Assert.All(seen.SelectMany(activity => activity.TagObjects), tag => Assert.DoesNotContain(_server.Token, tag.Value?.ToString() ?? ""));
    }

    [Fact]
    public async Task Traces_AnyActivitySourceListening_NeverSeeTheToken()
    {
        // OpenTelemetry's HttpClient instrumentation listens to System.Net.Http, whose spans carry url.full (path
        // included): the Telegram client must not produce those spans at all.
        var tags = new List<string>();
        Activity? root = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId != root?.TraceId)
                {
                    return;
                }

                lock (tags)
                {
                    tags.Add(activity.OperationName + " " + activity.DisplayName);
                    tags.AddRange(activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        root = TestSource.StartActivity("test")!;

        await harness.Client.GetMe().WaitAsync(TestFiles.Timeout);
        root.Dispose();

        lock (tags)
        {
            Assert.Contains(tags, tag => tag == "telegram.method=getMe");
            Assert.DoesNotContain(tags, tag => tag.Contains(_server.Token, StringComparison.Ordinal));
        }
    }
}
