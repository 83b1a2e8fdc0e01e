using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VibeCoder.TestServers.OpenAi;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers OpenAI chat completion requests from a queue of scripted responses
/// (success, 429 with Retry-After, 5xx, slow answers, malformed content, a body that is not a chat completion, a
/// dropped connection) and records every request it receives and which of them got a chat completion.
/// </summary>
/// <remarks>
/// Point the SDK's endpoint at <see cref="BaseUrl"/> (ends in "/v1", like the official one); the server answers
/// <c>POST …/chat/completions</c> under any prefix, so a base URL without "/v1" works too. When the queue is empty it
/// answers with <see cref="WhenEmpty"/>. Thread-safe.
/// </remarks>
public sealed class OpenAiStandInServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedChatResponse> _script = new();
    private readonly List<RecordedChatRequest> _requests = [];
    private readonly List<RecordedChatRequest> _completed = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _requestWaiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;
    private ScriptedChatResponse _whenEmpty = DefaultWhenEmpty;
    private ScriptedChatResponse? _outage;
    private int _completionNumber;

    private OpenAiStandInServer(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    private static ScriptedChatResponse DefaultWhenEmpty { get; } = ScriptedChatResponse.Error(500, "No scripted response left.");

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The OpenAI-style base URL to give the SDK, e.g. http://127.0.0.1:41234/v1.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The answer given when the queue is empty; by default a 500 saying so.</summary>
    public ScriptedChatResponse WhenEmpty
    {
        get { lock (_lock) { return _whenEmpty; } }
        set { lock (_lock) { _whenEmpty = value ?? DefaultWhenEmpty; } }
    }

    /// <summary>
    /// While set, every request gets this answer and the queue is left alone (fault injection: an outage that is slow,
    /// 429, 5xx or down — <see cref="ScriptedChatResponse.ConnectionDropped"/>); null (the default) is healthy again.
    /// </summary>
    public ScriptedChatResponse? Outage
    {
        get { lock (_lock) { return _outage; } }
        set { lock (_lock) { _outage = value; } }
    }

    /// <summary>The requests received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get { lock (_lock) { return [.. _requests]; } }
    }

    /// <summary>
    /// The requests answered with a chat completion (status 200 and a generated body, fully written), in order; an
    /// outage's garbage (a raw body) or an answer the client abandoned is not among them.
    /// </summary>
    public IReadOnlyList<RecordedChatRequest> Completed
    {
        get { lock (_lock) { return [.. _completed]; } }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<OpenAiStandInServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OpenAiStandInServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new OpenAiStandInServer(builder.Build());
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Port 0 asks the OS for a free port; the bound address is known only once Kestrel listens.
        server.Root = new Uri(server._app.Urls.Single().TrimEnd('/') + "/");
        server.BaseUrl = new Uri(server.Root, "v1");
        return server;
    }

    /// <summary>Queues answers for the next requests, in order.</summary>
    /// <param name="responses">The answers.</param>
    public void Enqueue(params ScriptedChatResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        lock (_lock)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived (or fails after <paramref name="timeout"/>).</summary>
    public Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((count, signal));
            return signal.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Forgets queued answers and recorded requests and restores the default <see cref="WhenEmpty"/>.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _script.Clear();
            _requests.Clear();
            _completed.Clear();
            _whenEmpty = DefaultWhenEmpty;
            _outage = null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Release answers still waiting out a scripted delay, so stopping never waits for them.
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var recorded = new RecordedChatRequest(request.Method, request.Path.Value, request.Headers.Authorization.FirstOrDefault(), body);
        ScriptedChatResponse answer;
        int number;
        lock (_lock)
        {
            _requests.Add(recorded);
            foreach (var waiter in _requestWaiters.Where(w => _requests.Count >= w.Count).ToArray())
            {
                waiter.Signal.TrySetResult();
                _requestWaiters.Remove(waiter);
            }
            answer = _outage ?? (_script.Count > 0 ? _script.Dequeue() : _whenEmpty);
            number = ++_completionNumber;
        }

        if (answer.Delay > TimeSpan.Zero)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(answer.Delay, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its timeout) or the server is stopping: nobody is left to answer.
                return;
            }
        }

        if (answer.Status == 0)
        {
            context.Abort(); // a network failure: the connection ends without an answer
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var responseBody = answer.RawBody ?? CompletionBody(answer, recorded.Model ?? "stand-in-model", number);
        await context.Response.WriteAsync(responseBody, context.RequestAborted).ConfigureAwait(false);
        if (answer is { Status: 200, RawBody: null })
        {
            lock (_lock)
            {
                _completed.Add(recorded);
            }
        }
    }

    private static string CompletionBody(ScriptedChatResponse answer, string model, int number) => JsonSerializer.Serialize(new
    {
        id = $"chatcmpl-standin-{number}",
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content = answer.Content, refusal = (string?)null },
                finish_reason = "stop",
                logprobs = (object?)null,
            },
        },
        usage = new
        {
            prompt_tokens = answer.PromptTokens,
            completion_tokens = answer.CompletionTokens,
            total_tokens = answer.PromptTokens + answer.CompletionTokens,
        },
    });
}
