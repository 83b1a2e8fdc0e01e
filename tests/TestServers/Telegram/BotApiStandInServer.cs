using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// A real HTTP server on 127.0.0.1 that stands in for the Telegram Bot API at <c>/bot{token}/{method}</c>. It reads
/// JSON, urlencoded and multipart bodies, enforces Telegram's limits with Telegram's error answers, records every
/// call, serves getUpdates from a queue with long polling, and can be scripted to fail (Bot API errors with and without
/// parameters, an HTML error page, a dropped connection, no answer). Like the real server it reads chunked bodies,
/// compares parse_mode case-insensitively, parses HTML and counts limits on the visible text, and refuses albums
/// outside 2–10 items and a file part or attachment used twice.
/// </summary>
/// <remarks>
/// Methods: getMe, setWebhook, deleteWebhook, getWebhookInfo, getUpdates, sendMessage, editMessageText,
/// editMessageMedia (multipart, a photo replacing a photo; the stand-in keeps each message's photo and caption),
/// sendChatAction, sendPhoto, sendDocument, sendMediaGroup, answerCallbackQuery, setMyCommands, deleteMessage, getFile
/// (names are case-insensitive, as in Telegram); files added with <see cref="AddFile"/> are downloaded from
/// <c>/file/bot{token}/{file_path}</c> (recorded as method <see cref="DownloadMethod"/>). A wrong but well-formed token gets 401, a malformed one 404.
/// Thread-safe; tests await <see cref="WaitForCallsAsync"/> instead of sleeping.
/// </remarks>
public sealed partial class BotApiStandInServer : IAsyncDisposable
{
    /// <summary>The <see cref="BotApiCall.Method"/> recorded for a file download.</summary>
    public const string DownloadMethod = "file-download";

    /// <summary>The token the stand-in accepts unless told otherwise.</summary>
    public const string DefaultToken = "123456789:AAStandInToken_for-tests-only0123456";

    /// <summary><see cref="BotApiCall.StatusCode"/> of a call whose client went away before the answer (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    private static readonly string[] Methods =
        ["getMe", "setWebhook", "deleteWebhook", "getWebhookInfo", "getUpdates", "sendMessage", "editMessageText", "editMessageMedia",
         "sendChatAction", "sendPhoto", "sendDocument", "sendMediaGroup", "answerCallbackQuery", "setMyCommands", "deleteMessage", "getFile"];

    private readonly WebApplication _app;
    private readonly BotApiSimulator _simulator;
    private readonly BotApiCallLog _calls = new();
    private readonly BotApiFileStore _files = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<BotApiFailure>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Method, long ChatId), ConcurrentQueue<BotApiFailure>> _chatFailures = new();
    private readonly CancellationToken _stopping;
    private volatile BotApiFailure? _outage;

    private BotApiStandInServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        _simulator = new BotApiSimulator(long.Parse(token.AsSpan(0, token.IndexOf(':')), CultureInfo.InvariantCulture));
        _stopping = app.Lifetime.ApplicationStopping;
        app.Run(HandleAsync);
    }

    /// <summary>The token clients must put in the URL.</summary>
    public string Token { get; }

    /// <summary>Base URL to give the client as TELEGRAM_API_BASE_URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every call so far, in the order they were answered.</summary>
    public IReadOnlyList<BotApiCall> Calls => _calls.Snapshot();

    /// <summary>The webhook set by setWebhook, or null after deleteWebhook.</summary>
    public BotApiWebhook? Webhook => _simulator.Webhook;

    /// <summary>Updates queued and not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates => _simulator.PendingUpdates;

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    /// <param name="token">The token to accept, <c>&lt;digits&gt;:&lt;characters&gt;</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BotApiStandInServer> StartAsync(string token = DefaultToken, CancellationToken cancellationToken = default)
    {
        if (!TokenFormat().IsMatch(token))
        {
            throw new ArgumentException("A Bot API token looks like '<digits>:<letters, digits, _ or ->'.", nameof(token));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var server = new BotApiStandInServer(builder.Build(), token);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The URL of <paramref name="method"/>, <c>{BaseAddress}/bot{token}/{method}</c>, for tests that call the stand-in directly.</summary>
    /// <param name="method">Bot API method name.</param>
    /// <param name="token">The token to put in the URL; <see cref="Token"/> when null.</param>
    public Uri MethodUri(string method, string? token = null) => new(BaseAddress, $"/bot{token ?? Token}/{method}");

    /// <summary>Waits until the recorded calls satisfy <paramref name="predicate"/> and returns them.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>; the message lists the calls seen.</exception>
    public Task<IReadOnlyList<BotApiCall>> WaitForCallsAsync(
        Func<IReadOnlyList<BotApiCall>, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _calls.WaitAsync(predicate, timeout, cancellationToken);

    /// <summary>Waits for the first call that matches <paramref name="match"/> and returns it.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>.</exception>
    public async Task<BotApiCall> WaitForCallAsync(Func<BotApiCall, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var calls = await _calls.WaitAsync(calls => calls.Any(match), timeout, cancellationToken).ConfigureAwait(false);
        return calls.First(match);
    }

    /// <summary>The calls of one method so far.</summary>
    public IReadOnlyList<BotApiCall> CallsTo(string method) =>
        Calls.Where(call => string.Equals(call.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>
    /// While set, every call (getUpdates included) gets this failure: an outage that answers 5xx, an HTML page, 429, drops
    /// connections or never answers. Null (the default) is healthy again. Calls are recorded as usual.
    /// </summary>
    public BotApiFailure? Outage
    {
        get => _outage;
        set => _outage = value;
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> get <paramref name="failure"/> instead of an answer.</summary>
    public void InjectFailures(string method, int count, BotApiFailure failure)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var queue = _failures.GetOrAdd(method, _ => new ConcurrentQueue<BotApiFailure>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> to chat <paramref name="chatId"/> get
    /// <paramref name="failure"/>; other chats are answered as usual.
    /// </summary>
    public void InjectChatFailures(long chatId, string method, int count, BotApiFailure failure)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var queue = _chatFailures.GetOrAdd((method.ToLowerInvariant(), chatId), _ => new ConcurrentQueue<BotApiFailure>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(failure);
        }
    }

    /// <summary>Drops the failures <see cref="InjectFailures"/> and <see cref="InjectChatFailures"/> scripted and not yet served.</summary>
    public void ClearFailures()
    {
        _failures.Clear();
        _chatFailures.Clear();
    }

    /// <summary>
    /// Queues an update for getUpdates (build one with <see cref="BotApiUpdates"/>) and wakes waiting long polls.
    /// </summary>
    /// <returns>The update_id it got: the given one if larger than every earlier id, else the next id.</returns>
    public long EnqueueUpdate(JsonObject update) => _simulator.EnqueueUpdate(update);

    /// <summary>Completes when a getUpdates call is waiting for updates, e.g. a polling loop has started.</summary>
    /// <exception cref="TimeoutException">No long poll within <paramref name="timeout"/>.</exception>
    public async Task WaitForLongPollAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _simulator.WaitForLongPollAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No getUpdates long poll reached the Bot API stand-in within {timeout}.");
        }
    }

    /// <summary>From now on every write to <paramref name="chatId"/> gets 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId) => _simulator.SetBlocked(chatId, blocked: true);

    /// <summary>Undoes <see cref="BlockChat"/>.</summary>
    public void UnblockChat(long chatId) => _simulator.SetBlocked(chatId, blocked: false);

    /// <summary>The current text of a message the bot sent, or null when there is none (deleted, or a photo).</summary>
    public string? MessageText(long chatId, long messageId) => _simulator.MessageText(chatId, messageId);

    /// <summary>The photo (file bytes as uploaded) a message shows now, or null (deleted, a text, or sent by file_id).</summary>
    public byte[]? MessagePhoto(long chatId, long messageId) => _simulator.MessagePhoto(chatId, messageId);

    /// <summary>The caption a message carries now, as the user sees it (after parse_mode), or null.</summary>
    public string? MessageCaption(long chatId, long messageId) => _simulator.MessageCaption(chatId, messageId);

    /// <summary>Whether the bot's message exists in the chat (sent and not deleted).</summary>
    public bool HasMessage(long chatId, long messageId) => _simulator.HasMessage(chatId, messageId);

    /// <summary>
    /// Stores a file as if a user had sent it, for getFile and download; returns its file_id. Put the id (and a
    /// file_size, which may be <paramref name="declaredSize"/>) into a photo or document update.
    /// </summary>
    public string AddFile(byte[] content, string extension = "bin", long? declaredSize = null) => _files.Add(content, extension, declaredSize);

    /// <summary>Forgets calls, scripted failures, queued updates, messages, blocked chats and the webhook.</summary>
    public void Reset()
    {
        _outage = null;
        ClearFailures();
        _simulator.Reset();
        _files.Clear();
        _calls.Clear();
    }

    /// <summary>Stops the server; open long polls end at once.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var download = FilePath().Match(context.Request.Path.Value ?? "");
        if (download.Success)
        {
            await ServeFileAsync(context, download.Groups["token"].Value, download.Groups["path"].Value);
            return;
        }

        var match = MethodPath().Match(context.Request.Path.Value ?? "");
        if (!match.Success)
        {
            await AnswerAsync(context, new BotApiCall { Method = context.Request.Path.Value ?? "", StatusCode = 404 }, BotApiAnswer.Error(404, "Not Found"));
            return;
        }

        var method = Methods.FirstOrDefault(known => known.Equals(match.Groups["method"].Value, StringComparison.OrdinalIgnoreCase))
            ?? match.Groups["method"].Value;
        var tokenAnswer = CheckToken(match.Groups["token"].Value);
        if (tokenAnswer is not null)
        {
            await AnswerAsync(context, new BotApiCall { Method = method, StatusCode = tokenAnswer.StatusCode }, tokenAnswer);
            return;
        }

        BotApiParameters parameters;
        try
        {
            parameters = await BotApiParameters.ReadAsync(context.Request, aborted.Token);
        }
        catch (BotApiRequestException refused)
        {
            var answer = BotApiAnswer.Error(refused.StatusCode, refused.Description);
            await AnswerAsync(context, new BotApiCall { Method = method, StatusCode = answer.StatusCode }, answer);
            return;
        }

        var result = await HandleMethodAsync(method, parameters, aborted.Token);
        if (context.RequestAborted.IsCancellationRequested && result.StatusCode > 0)
        {
            // The client gave up (e.g. a cancelled long poll): record it as such; there is nobody to answer.
            _calls.Add(Describe(method, parameters, result with { StatusCode = ClientClosedRequest, Result = null }));
            return;
        }

        var call = Describe(method, parameters, result);
        if (result.StatusCode <= 0)
        {
            // A scripted network failure: no answer at all, at once (0) or when the client gives up (-1).
            _calls.Add(call);
            if (result.StatusCode < 0)
            {
                await WaitUntilCancelledAsync(aborted.Token);
            }

            context.Abort();
            return;
        }

        await AnswerAsync(context, call, result);
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: exactly what was waited for.
        }
    }

    private BotApiAnswer? CheckToken(string token) =>
        token == Token ? null
        : TokenFormat().IsMatch(token) ? BotApiAnswer.Error(401, "Unauthorized")
        : BotApiAnswer.Error(404, "Not Found");

    private async Task<BotApiAnswer> HandleMethodAsync(string method, BotApiParameters parameters, CancellationToken cancellationToken)
    {
        var failure = _outage;
        if (failure is null && parameters.Long("chat_id") is { } chatId && _chatFailures.TryGetValue((method.ToLowerInvariant(), chatId), out var chatQueue))
        {
            chatQueue.TryDequeue(out failure);
        }

        if (failure is null && _failures.TryGetValue(method, out var queue))
        {
            queue.TryDequeue(out failure);
        }

        if (failure is not null)
        {
            return failure.HtmlPage
                ? BotApiAnswer.ErrorPage(failure.StatusCode, failure.Description)
                : BotApiAnswer.Error(failure.StatusCode, failure.Description, failure.RetryAfterSeconds);
        }

        try
        {
            return method switch
            {
                "getUpdates" => await _simulator.GetUpdatesAsync(parameters, cancellationToken),
                "getFile" => _files.GetFile(parameters),
                _ => _simulator.Handle(method, parameters),
            };
        }
        catch (BotApiRequestException refused)
        {
            return BotApiAnswer.Error(refused.StatusCode, refused.Description);
        }
    }

    private static BotApiCall Describe(string method, BotApiParameters parameters, BotApiAnswer answer)
    {
        IReadOnlyList<BotApiButton> buttons;
        try
        {
            buttons = BotApiLimits.Buttons(parameters.Json("reply_markup"));
        }
        catch (BotApiRequestException)
        {
            buttons = [];
        }

        return new BotApiCall
        {
            Method = method,
            StatusCode = answer.StatusCode,
            ErrorDescription = answer.Description,
            ChatId = parameters.Long("chat_id"),
            MessageId = answer.MessageId ?? parameters.Long("message_id"),
            Text = parameters.String("text"),
            Caption = answer.Caption ?? parameters.String("caption"),
            ParseMode = parameters.String("parse_mode"),
            PhotoCount = answer.PhotoCount,
            Files = parameters.Files.ToArray(),
            ReplyMarkup = parameters.String("reply_markup"),
            Buttons = buttons,
            BodyKind = parameters.BodyKind,
            Chunked = parameters.Chunked,
            Parameters = parameters.AsText(),
            Result = answer.StatusCode == 200 ? answer.Result?.ToJsonString() : null,
        };
    }

    private async Task AnswerAsync(HttpContext context, BotApiCall call, BotApiAnswer answer)
    {
        _calls.Add(call);
        context.Response.StatusCode = answer.StatusCode;
        if (answer.Page is { } page)
        {
            // What a proxy in front of the Bot API answers when the API is down: no JSON at all.
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(page, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToEnvelope().ToJsonString(), context.RequestAborted);
    }

    private async Task ServeFileAsync(HttpContext context, string token, string path)
    {
        byte[]? bytes = token == Token ? _files.Download(path) : null;
        _calls.Add(new BotApiCall
        {
            Method = DownloadMethod,
            StatusCode = bytes is null ? 404 : 200,
            Parameters = new Dictionary<string, string> { ["file_path"] = path },
        });
        if (bytes is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    [GeneratedRegex(@"^/file/bot(?<token>[^/]*)/(?<path>.+)$")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"^/bot(?<token>[^/]*)/(?<method>[A-Za-z]+)/?$")]
    private static partial Regex MethodPath();

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenFormat();
}
