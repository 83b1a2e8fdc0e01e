using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Content.Tests.Support;
using VibeCoder.Grains.Carousels;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Content.Tests.OpenAi;

/// <summary>The OpenAI generator through the real SDK and real HTTP against the loopback stand-in.</summary>
public sealed class OpenAiContentGeneratorTests : IClassFixture<OpenAiStandInFixture>
{
    private const string ApiKey = "sk-standin-secret-key-42";
    private const string Model = "standin-model";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly ContentRequest Request = new("Winter running for beginners", 5, "auto");

    private readonly OpenAiStandInServer _server;
    private readonly CapturingLoggerProvider _logs = new();

    public OpenAiContentGeneratorTests(OpenAiStandInFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private OpenAiContentGenerator Generator(Action<ContentOptions>? configure = null)
    {
        var options = new ContentOptions
        {
            ApiKey = ApiKey,
            BaseUrl = _server.BaseUrl.ToString(),
            Model = Model,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRetryAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryAfter = TimeSpan.FromSeconds(2),

            // High enough that only the circuit breaker test opens the circuit.
            CircuitBreakerMinimumThroughput = 100,
        };
        configure?.Invoke(options);
        return new OpenAiContentGenerator(Options.Create(options), _logs.CreateLogger<OpenAiContentGenerator>());
    }

    private static ScriptedChatResponse ValidAnswer(int slides = 5, string language = "en") =>
        ScriptedChatResponse.Json(CarouselPayload.Valid(slides, language));

    [Fact]
    public async Task GenerateAsync_ValidAnswer_ReturnsContent()
    {
        _server.Enqueue(ValidAnswer());

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Equal("Winter running", content.Title);
        Assert.Equal("Heading 2", content.Slides[1].Heading);
        Assert.Equal(["#running", "#winter"], content.Hashtags);
        Assert.Equal("en", content.Language);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_AnyRequest_SendsModelKeyAndJsonSchema()
    {
        _server.Enqueue(ValidAnswer());

        await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(Model, request.Model);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Equal("json_schema", request.ResponseFormatType);
        Assert.Equal("instagram_carousel", request.JsonSchema.GetProperty("name").GetString());
        Assert.True(request.JsonSchema.GetProperty("strict").GetBoolean());
        var schema = request.JsonSchema.GetProperty("schema");
        Assert.Equal(
            ["title", "slides", "caption", "hashtags"],
            schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("properties").GetProperty("slides").GetProperty("items").ValueKind);
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Contains("Exactly 5 slides", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("in English", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(new RecordedChatMessage("user", "Topic: Winter running for beginners"), request.Messages[1]);
    }

    [Fact]
    public async Task GenerateAsync_BaseUrlWithoutV1_PostsToChatCompletionsUnderIt()
    {
        _server.Enqueue(ValidAnswer());

        await Generator(o => o.BaseUrl = _server.Root.ToString().TrimEnd('/')).GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("/chat/completions", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task GenerateAsync_RussianTopic_AsksForRussianAndLabelsContent()
    {
        _server.Enqueue(ValidAnswer(language: "ru"));

        var content = await Generator().GenerateAsync(new ContentRequest("Как начать бегать зимой", 5, "auto"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("ru", content.Language);
        Assert.Contains("in Russian", Assert.Single(_server.Requests).Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_RateLimitedThenSuccess_Retries()
    {
        _server.Enqueue(ScriptedChatResponse.RateLimited("0"), ValidAnswer());

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(_logs.Lines, l => l.Contains("HTTP 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_RetryAfterMilliseconds_WaitsAsAsked()
    {
        _server.Enqueue(ScriptedChatResponse.RateLimited(retryAfterSeconds: null, retryAfterMilliseconds: "400"), ValidAnswer());
        var started = Stopwatch.GetTimestamp();

        await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        // The backoff alone would be ~10 ms; only honouring the header makes it at least 400 ms.
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(400));
        Assert.Contains(_logs.Lines, l => l.Contains("in 400 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_RetryAfterAboveCap_WaitsOnlyTheCap()
    {
        _server.Enqueue(ScriptedChatResponse.RateLimited("3600"), ValidAnswer());

        await Generator(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(20)).GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        Assert.Contains(_logs.Lines, l => l.Contains("in 20 ms", StringComparison.Ordinal));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorsThenSuccess_Retries()
    {
        _server.Enqueue(ScriptedChatResponse.Error(500), ScriptedChatResponse.Error(503), ValidAnswer());

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_SlowAnswerThenSuccess_TimesOutAndRetries()
    {
        _server.Enqueue(ValidAnswer().After(TimeSpan.FromSeconds(60)), ValidAnswer());

        var content = await Generator(o => o.AttemptTimeout = TimeSpan.FromSeconds(2)).GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(_logs.Lines, l => l.Contains("(timeout)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_AlwaysSlow_ThrowsTransientTimeout()
    {
        _server.WhenEmpty = ValidAnswer().After(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<ContentGenerationException>(() => Generator(o =>
        {
            // Long enough that a loaded machine still delivers each attempt to the server before it times out.
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.MaxRetryAttempts = 1;
        }).GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(error.IsTransient);
        Assert.Contains("did not answer within 2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_MalformedJsonThenValid_RetriesWithTheParseError()
    {
        _server.Enqueue(ScriptedChatResponse.Success("{\"title\": \"Winter\", \"slides\": [ oops"), ValidAnswer());

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Equal(2, _server.Requests.Count);
        var retry = _server.Requests[1].Messages;
        Assert.Equal(4, retry.Count);
        Assert.Equal(new RecordedChatMessage("assistant", "{\"title\": \"Winter\", \"slides\": [ oops"), retry[2]);
        Assert.Equal("user", retry[3].Role);
        Assert.Contains("not valid JSON", retry[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_MalformedJsonTwice_ThrowsSayingSo()
    {
        _server.Enqueue(ScriptedChatResponse.Success("Sure! Here is your carousel."), ScriptedChatResponse.Success("[1, 2, 3]"));

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator().GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.False(error.IsTransient);
        Assert.Contains("unreadable answer twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_JsonInMarkdownFence_Accepted()
    {
        var json = JsonSerializer.Serialize(CarouselPayload.Valid(5));
        _server.Enqueue(ScriptedChatResponse.Success($"```json\n{json}\n```"));

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_OverLongCaptionMessyHashtagsAndWrongKinds_RepairedWithoutAskingAgain()
    {
        var caption = string.Join(' ', Enumerable.Repeat("running", 400));
        var payload = CarouselPayload.Valid(5)
            .With("caption", caption)
            .With("hashtags", new[] { "winter running", "run", "#Tips!", "#run", "a", "b", "c" })
            .WithSlide(0, CarouselPayload.Slide("content", "  Cover heading ", "Hook"))
            .WithSlide(4, CarouselPayload.Slide("quote", "Follow", "Save and share"));
        _server.Enqueue(ScriptedChatResponse.Json(payload));

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        Assert.Single(_server.Requests);
        Assert.Equal(["#winterrunning", "#run", "#Tips", "#a", "#b"], content.Hashtags);
        Assert.EndsWith("running…", content.Caption, StringComparison.Ordinal);
        Assert.Equal(new SlideContent(SlideKind.Cover, "Cover heading", "Hook"), content.Slides[0]);
        Assert.Equal(SlideKind.CallToAction, content.Slides[^1].Kind);
    }

    [Fact]
    public async Task GenerateAsync_OverLongBodyThenValid_RetriesWithTheValidationError()
    {
        var payload = CarouselPayload.Valid(5).WithSlide(2, CarouselPayload.Slide("content", "Long", new string('x', 700)));
        _server.Enqueue(ScriptedChatResponse.Json(payload), ValidAnswer());

        var content = await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        ContentAssert.IsPostable(content, 5);
        var retry = _server.Requests[1].Messages;
        Assert.Equal("assistant", retry[2].Role);
        Assert.Contains("Slide 3's body has 700 characters; the limit is 600.", retry[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_WrongSlideCountTwice_ThrowsSayingWhatWasWrong()
    {
        _server.Enqueue(ValidAnswer(slides: 4), ValidAnswer(slides: 6));

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator().GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Contains("There are 6 slides; exactly 5 are required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("There are 4 slides", _server.Requests[1].Messages[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_PersistentServerError_ThrowsTransientErrorWithoutTheKey()
    {
        _server.WhenEmpty = ScriptedChatResponse.Error(500, $"echoing {ApiKey} would be bad");

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator().GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.Requests.Count);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_Unauthorized_FailsAtOnceNamingTheVariable()
    {
        _server.WhenEmpty = ScriptedChatResponse.Error(401, "Incorrect API key provided.");

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator().GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.False(error.IsTransient);
        Assert.Contains("check OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_ResponseIsNotAChatCompletion_FailsClearly()
    {
        _server.WhenEmpty = ScriptedChatResponse.Raw(200, "<html>gateway</html>");

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator(o => o.MaxRetryAttempts = 0).GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Contains("not a chat completion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_RepeatedFailures_OpenCircuitAndFailFastWithoutCallingTheServer()
    {
        _server.WhenEmpty = ScriptedChatResponse.Error(503);
        var generator = Generator(o =>
        {
            o.MaxRetryAttempts = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        await Assert.ThrowsAsync<ContentGenerationException>(() => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);
        var callsBefore = _server.Requests.Count;
        _server.Enqueue(ValidAnswer());

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Equal(2, callsBefore);
        Assert.Equal(callsBefore, _server.Requests.Count);
        Assert.True(error.IsTransient);
        Assert.Contains("unavailable", error.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Contains("circuit opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateAsync_CircuitOpen_ErrorCarriesTheRemainingBreak()
    {
        _server.WhenEmpty = ScriptedChatResponse.Error(503);
        var generator = Generator(o =>
        {
            o.MaxRetryAttempts = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        await Assert.ThrowsAsync<ContentGenerationException>(() => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(error.IsTransient);
        Assert.NotNull(error.RetryAfter);
        Assert.InRange(error.RetryAfter.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GenerateAsync_RateLimitedWithRetryAfter_ErrorCarriesTheRequestedWaitUncapped()
    {
        _server.WhenEmpty = ScriptedChatResponse.RateLimited(retryAfterSeconds: "42");

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator(o => o.MaxRetryAttempts = 0).GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
    }

    [Fact]
    public async Task GenerateAsync_ServerErrorWithoutRetryAfter_LeavesTheWaitToTheCaller()
    {
        _server.WhenEmpty = ScriptedChatResponse.Error(503);

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator(o => o.MaxRetryAttempts = 0).GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(error.IsTransient);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task GenerateAsync_GarbageBodiesRepeatedly_RetriedThenOpenTheCircuit()
    {
        _server.WhenEmpty = ScriptedChatResponse.NotAChatCompletion();
        var generator = Generator(o =>
        {
            o.MaxRetryAttempts = 1;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        var first = await Assert.ThrowsAsync<ContentGenerationException>(() => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);
        var callsBefore = _server.Requests.Count;

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => generator.GenerateAsync(Request, CancellationToken.None)).WaitAsync(Timeout);

        Assert.True(first.IsTransient);
        Assert.Equal(2, callsBefore);
        Assert.Equal(callsBefore, _server.Requests.Count);
        Assert.Contains("unavailable", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Completed);
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentRequests_EachSendsItsOwnConversation()
    {
        var topics = Enumerable.Range(1, 6).Select(i => $"Concurrent topic number {i}").ToList();
        _server.WhenEmpty = ValidAnswer();
        var generator = Generator();

        await Task.WhenAll(topics.Select(t => generator.GenerateAsync(new ContentRequest(t, 5, "en"), CancellationToken.None))).WaitAsync(Timeout);

        var sent = _server.Requests.Select(r => r.Messages[1].Content).Order().ToList();
        Assert.Equal(topics.Select(t => $"Topic: {t}").Order(), sent);
    }

    [Fact]
    public async Task GenerateAsync_CallerCancels_ThrowsOperationCanceled()
    {
        _server.WhenEmpty = ValidAnswer().After(TimeSpan.FromSeconds(60));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Generator().GenerateAsync(Request, cancellation.Token)).WaitAsync(Timeout);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_Success_RecordsTokensDurationAndSpan()
    {
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "VibeCoder.Content")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.Start();
        var spans = new List<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "VibeCoder.Content",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        _server.Enqueue(ScriptedChatResponse.Json(CarouselPayload.Valid(5), promptTokens: 4321, completionTokens: 8765));

        await Generator().GenerateAsync(Request, CancellationToken.None).WaitAsync(Timeout);

        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Instrument == "vibecoder.llm.tokens" && m.Value == 4321 && Equals(m.Tags["kind"], "prompt"));
            Assert.Contains(measurements, m => m.Instrument == "vibecoder.llm.tokens" && m.Value == 8765 && Equals(m.Tags["kind"], "completion"));
            Assert.Contains(measurements, m => m.Instrument == "vibecoder.llm.duration"
                && Equals(m.Tags["generator"], "openai") && Equals(m.Tags["outcome"], "success"));
        }

        lock (spans)
        {
            Assert.Contains(spans, s => s.OperationName == "content.generate"
                && Equals(s.GetTagItem("vibecoder.content.generator"), "openai")
                && Equals(s.GetTagItem("gen_ai.request.model"), Model));
        }

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }
    }

    [Fact]
    public async Task RewriteAsync_ValidAnswer_AsksForOneSlideAndKeepsItsKind()
    {
        var content = new CarouselContent(
            "Winter running",
            [new(SlideKind.Cover, "Winter running", "Start today"), new(SlideKind.List, "Gear", "Hat\nGloves\nShoes"), new(SlideKind.CallToAction, "Save it", "Follow for more")],
            "Caption",
            ["#run"],
            "en");
        _server.Enqueue(ScriptedChatResponse.Json(new { heading = "What to wear", body = "Layers\nA hat\nGrippy shoes" }));

        var slide = await Generator().RewriteAsync(new SlideRewriteRequest("Winter running", content, 2, 1), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(new SlideContent(SlideKind.List, "What to wear", "Layers\nA hat\nGrippy shoes"), slide);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("carousel_slide", request.JsonSchema.GetProperty("name").GetString());
        Assert.Contains("Rewrite slide 2", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Hat / Gloves / Shoes", request.Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_TooLongTwice_ThrowsContentGenerationException()
    {
        var content = new CarouselContent(
            "Winter running",
            [new(SlideKind.Cover, "Winter running", "Start today"), new(SlideKind.Content, "Warm up", "Inside"), new(SlideKind.CallToAction, "Save it", "Follow")],
            "Caption",
            [],
            "en");
        var tooLong = ScriptedChatResponse.Json(new { heading = new string('x', 200), body = "ok" });
        _server.Enqueue(tooLong, tooLong);

        var error = await Assert.ThrowsAsync<ContentGenerationException>(
            () => Generator().RewriteAsync(new SlideRewriteRequest("Winter running", content, 2, 1), CancellationToken.None).WaitAsync(Timeout));

        Assert.Contains("90", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }
}
