using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Hosting;
using Orleans.Runtime;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>
/// <c>LOG_FORMAT=json</c>: one JSON object per line with trace and correlation ids. The end-to-end test swaps the
/// process's console writer while its host is built, so it runs alone (no other test builds a host meanwhile).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class JsonLogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task JsonLogs_RequestThroughGrains_EveryLineIsJsonAndGrainLogCarriesTraceAndCorrelation()
    {
        var capture = new LineCapture();
        var original = Console.Out;
        TestHost host;
        Console.SetOut(capture);
        try
        {
            // The console logger takes the writer when it is created, at host start; restore right after.
            host = await TestHost.StartAsync(
                new Dictionary<string, string?> { ["LOG_FORMAT"] = "json" },
                configureLogging: l => l.AddConsole(),
                configureSilo: silo => silo.AddIncomingGrainCallFilter<LoggingGrainCallFilter>());
        }
        finally
        {
            Console.SetOut(original);
        }

        await using (host)
        {
            var name = "json" + Guid.NewGuid().ToString("N")[..6];
            await host.RunCarouselAsync("JSON logs", "corr-" + name);

            // In the grain's turn: the correlation id came along in the grain request context.
            var grainLine = await capture.WaitForLineAsync(l => l.Contains("IWorkflowGrain.Start", StringComparison.Ordinal)
                && l.Contains("corr-" + name, StringComparison.Ordinal)).WaitAsync(Timeout);
            using var grainEntry = JsonDocument.Parse(grainLine);
            var grain = grainEntry.RootElement;
            Assert.Equal("Information", grain.GetProperty("level").GetString());
            Assert.EndsWith(nameof(LoggingGrainCallFilter), grain.GetProperty("category").GetString());
            Assert.Equal("corr-" + name, grain.GetProperty("correlationId").GetString());
            Assert.Equal("Start", grain.GetProperty("state").GetProperty("Method").GetString());

            // On the request's side: the request's trace id and the same correlation id.
            var httpLine = await capture.WaitForLineAsync(l => l.Contains("Executing endpoint", StringComparison.Ordinal)
                && l.Contains("corr-" + name, StringComparison.Ordinal)).WaitAsync(Timeout);
            using var httpEntry = JsonDocument.Parse(httpLine);
            Assert.Matches("^[0-9a-f]{32}$", httpEntry.RootElement.GetProperty("traceId").GetString());
            Assert.Equal("corr-" + name, httpEntry.RootElement.GetProperty("correlationId").GetString());
        }

        Assert.NotEmpty(capture.Lines);
        Assert.All(capture.Lines, l =>
        {
            using var document = JsonDocument.Parse(l);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            Assert.True(document.RootElement.TryGetProperty("traceId", out _));
            Assert.True(document.RootElement.TryGetProperty("correlationId", out _));
        });
    }

    [Fact]
    public void Formatter_EntryInsideActivityWithException_WritesOneParsableLine()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        RequestContext.Set(CorrelationIds.RequestContextKey, "corr-unit");
        var writer = new StringWriter();
        try
        {
            var state = new[] { new KeyValuePair<string, object?>("Count", 3), new("{OriginalFormat}", "Saw {Count} \"quoted\"\nlines") };
            var entry = new LogEntry<KeyValuePair<string, object?>[]>(
                LogLevel.Error, "Tests.Category", new EventId(7), state, new InvalidOperationException("bad"), (_, _) => "Saw 3 \"quoted\"\nlines");
            new JsonLineConsoleFormatter().Write(entry, null, writer);
        }
        finally
        {
            RequestContext.Remove(CorrelationIds.RequestContextKey);
        }

        var text = writer.ToString();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.TrimEnd('\n').Split('\n'));
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal(activity.TraceId.ToHexString(), root.GetProperty("traceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), root.GetProperty("spanId").GetString());
        Assert.Equal("corr-unit", root.GetProperty("correlationId").GetString());
        Assert.Equal("Saw 3 \"quoted\"\nlines", root.GetProperty("message").GetString());
        Assert.Contains("InvalidOperationException: bad", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, root.GetProperty("eventId").GetInt32());
        Assert.Equal("3", root.GetProperty("state").GetProperty("Count").GetString());
    }

    [Fact]
    public async Task Start_WithUnknownLogFormat_FailsNamingTheVariable()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => TestHost.StartAsync(new Dictionary<string, string?> { ["LOG_FORMAT"] = "xml" }));

        Assert.StartsWith("LOG_FORMAT", error.Message, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
