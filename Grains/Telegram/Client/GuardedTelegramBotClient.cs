using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Grains.Telegram.Client;

/// <summary>
/// The <see cref="ITelegramBotClient"/> the bot uses: Telegram.Bot's <see cref="TelegramBotClient"/> (its own 429
/// waiting switched off with <c>RetryThreshold = 0</c>) plus what the library does not do. Every Bot API call goes
/// through <see cref="SendRequest"/>, so the library's extension methods (<c>SendMessage</c>, <c>SendMediaGroup</c>…)
/// all get the same treatment.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Pacing: calls that produce or change a message wait for <see cref="OutgoingMessagePacer"/>.</item>
/// <item>429: never waited out here; Telegram's retry_after becomes a hold on the chat and a
/// <see cref="TelegramRetryLaterException"/> carrying when to try again.</item>
/// <item>5xx, an HTML error page, no answer, a refused connection or a timeout
/// (<see cref="TelegramOptions.RequestTimeout"/> plus any long-poll time): retried with exponential backoff up to
/// <see cref="TelegramOptions.MaxAttempts"/>, uploads rewound; then the last error (a timeout as
/// <see cref="TimeoutException"/>).</item>
/// <item>403 "blocked"/"deactivated"/"kicked": <see cref="TelegramUserBlockedException"/>, never retried.</item>
/// <item>Everything else (400, 401, 404…): the library's <see cref="ApiRequestException"/> at once.</item>
/// </list>
/// The token is in every request URL: it is never logged, traced or put into an exception (errors name the method).
/// Thread-safe; the inner client is created on first use, so a service without a token starts fine.
/// </remarks>
internal sealed partial class GuardedTelegramBotClient : ITelegramBotClient
{
    /// <summary>Name of the HttpClient registered for the Bot API; its logging handlers are removed.</summary>
    public const string HttpClientName = "VibeCoder.Telegram";

    private readonly TelegramOptions _options;
    private readonly OutgoingMessagePacer _pacer;
    private readonly TelegramInstrumentation _instrumentation;
    private readonly TimeProvider _time;
    private readonly ILogger<GuardedTelegramBotClient> _logger;
    private readonly Lazy<TelegramBotClient> _inner;

    public GuardedTelegramBotClient(
        IOptions<TelegramOptions> options,
        IHttpClientFactory httpClients,
        OutgoingMessagePacer pacer,
        TelegramInstrumentation instrumentation,
        TimeProvider time,
        ILogger<GuardedTelegramBotClient> logger)
    {
        _options = options.Value;
        _pacer = pacer;
        _instrumentation = instrumentation;
        _time = time;
        _logger = logger;
        _inner = new Lazy<TelegramBotClient>(() => CreateClient(_options, httpClients));
    }

    /// <inheritdoc />
    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest
    {
        add => Inner.OnMakingApiRequest += value;
        remove => Inner.OnMakingApiRequest -= value;
    }

    /// <inheritdoc />
    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived
    {
        add => Inner.OnApiResponseReceived += value;
        remove => Inner.OnApiResponseReceived -= value;
    }

    /// <inheritdoc />
    public bool LocalBotServer => Inner.LocalBotServer;

    /// <inheritdoc />
    public long BotId => Inner.BotId;

    /// <inheritdoc />
    public TimeSpan Timeout
    {
        get => Inner.Timeout;
        set => Inner.Timeout = value;
    }

    /// <inheritdoc />
    public IExceptionParser ExceptionsParser
    {
        get => Inner.ExceptionsParser;
        set => Inner.ExceptionsParser = value;
    }

    private TelegramBotClient Inner => _inner.Value;

    /// <inheritdoc />
    public async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.MethodName;
        var chatId = (request as IChatTargetable)?.ChatId?.Identifier;
        if (chatId is { } id)
        {
            if (IsMessage(method))
            {
                await _pacer.AcquireAsync(id, method, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _pacer.ThrowIfHeld(id, method);
            }
        }

        using var activity = TelegramInstrumentation.StartCall(method);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
                _instrumentation.RecordAttempt(method, TelegramInstrumentation.ResultOk);
                activity?.SetTag("telegram.attempts", attempt);
                return result;
            }
            catch (ApiRequestException error) when (error.ErrorCode == 429)
            {
                // Telegram always sends retry_after with a 429; a second is a safe guess for a proxy that does not.
                var now = _time.GetUtcNow();
                var retryAt = now + (TimeSpan.FromSeconds(error.Parameters?.RetryAfter ?? 1) * _options.RetryAfterScale);
                retryAt = chatId is { } held ? _pacer.Hold(held, retryAt) : retryAt;
                Fail(activity, method, attempt, "429");
                Log.RetryLater(_logger, method, chatId, (long)(retryAt - now).TotalMilliseconds);
                throw new TelegramRetryLaterException(method, chatId, retryAt - now, retryAt, "flood control (429)", error);
            }
            catch (ApiRequestException error) when (error.ErrorCode == 403 && TelegramUserBlockedException.IsBlockedDescription(error.Message))
            {
                Fail(activity, method, attempt, "403");
                Log.UserBlocked(_logger, method, chatId, error.Message);
                throw new TelegramUserBlockedException(method, chatId, error.Message, error);
            }
            catch (Exception error) when (IsTransient(error) && attempt < _options.MaxAttempts && !cancellationToken.IsCancellationRequested
                && UploadStreams.CanResend(request))
            {
                _instrumentation.RecordAttempt(method, TelegramInstrumentation.ResultRetried);
                var delay = Backoff(attempt);
                Log.Retrying(_logger, method, attempt, Reason(error), (long)delay.TotalMilliseconds, error);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                UploadStreams.Rewind(request);
            }
            catch (Exception error) when (IsTransient(error))
            {
                Fail(activity, method, attempt, Reason(error));
                Log.GaveUp(_logger, method, attempt, Reason(error), error);
                throw;
            }
            catch (ApiRequestException error)
            {
                Fail(activity, method, attempt, error.ErrorCode.ToString(CultureInfo.InvariantCulture));
                Log.Failed(_logger, method, error.ErrorCode, error.Message);
                throw;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> TestApi(CancellationToken cancellationToken = default) => Inner.TestApi(cancellationToken);

    /// <inheritdoc />
    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) =>
        Inner.DownloadFile(filePath, destination, cancellationToken);

    /// <inheritdoc />
    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) =>
        Inner.DownloadFile(file, destination, cancellationToken);

    private static TelegramBotClient CreateClient(TelegramOptions options, IHttpClientFactory httpClients)
    {
        if (string.IsNullOrEmpty(options.BotToken))
        {
            throw new InvalidOperationException($"{TelegramOptions.BotTokenKey} is not set, so the bot cannot call Telegram.");
        }

        // RetryThreshold 0: the library must not wait out a 429 inside the call (up to a minute), holding a grain turn.
        var clientOptions = new TelegramBotClientOptions(options.BotToken, options.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0 };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        // The deadline is per attempt; a long poll gets its own waiting time on top, so a quiet poll is not a failure.
        var longPoll = request is GetUpdatesRequest { Timeout: > 0 } poll ? TimeSpan.FromSeconds(poll.Timeout.Value) : TimeSpan.Zero;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout + longPoll);
        try
        {
            return await Inner.SendRequest(request, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && error is OperationCanceledException or RequestException { InnerException: OperationCanceledException })
        {
            throw new TimeoutException(
                $"Telegram {request.MethodName} got no answer within {(_options.RequestTimeout + longPoll).TotalSeconds:0.#} s.", error);
        }
    }

    private void Fail(Activity? activity, string method, int attempts, string result)
    {
        _instrumentation.RecordAttempt(method, result);
        activity?.SetTag("telegram.attempts", attempts);
        activity?.SetTag("telegram.result", result);
        activity?.SetStatus(ActivityStatusCode.Error, result);
    }

    // Exponential with "equal jitter": half the delay fixed, half random, so callers that failed together (a Telegram
    // outage) do not all come back in the same instant.
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < _options.RetryMaxDelay ? exponential : _options.RetryMaxDelay;
        return (capped / 2) + (capped / 2 * Random.Shared.NextDouble());
    }

    // Calls that put a message in a chat count against Telegram's flood limits; a chat action or a button answer does not.
    private static bool IsMessage(string method) =>
        method != "sendChatAction"
        && (method.StartsWith("send", StringComparison.Ordinal) || method.StartsWith("edit", StringComparison.Ordinal)
            || method.StartsWith("copy", StringComparison.Ordinal) || method.StartsWith("forward", StringComparison.Ordinal));

    // Telegram overloaded or unreachable: a 5xx from the API, a proxy's error page (no JSON, 5xx or no status),
    // a refused or dropped connection, no answer in time.
    private static bool IsTransient(Exception error) => error switch
    {
        TimeoutException or HttpRequestException => true,
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException other => other.HttpStatusCode is null || (int)other.HttpStatusCode >= 500,
        _ => false,
    };

    private static string Reason(Exception error) => error switch
    {
        TimeoutException => TelegramInstrumentation.ResultTimeout,
        ApiRequestException api => api.ErrorCode.ToString(CultureInfo.InvariantCulture),
        RequestException { HttpStatusCode: { } status } => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => TelegramInstrumentation.ResultNetwork,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
            Message = "Telegram {Method} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string method, int attempt, string reason, long delayMs, Exception error);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information,
            Message = "Telegram {Method}: chat {ChatId} is no longer reachable ({Description})")]
        public static partial void UserBlocked(ILogger logger, string method, long? chatId, string description);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telegram {Method} failed with {ErrorCode}: {Description}")]
        public static partial void Failed(ILogger logger, string method, int errorCode, string description);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Telegram {Method} gave up after {Attempts} attempt(s): {Reason}")]
        public static partial void GaveUp(ILogger logger, string method, int attempts, string reason, Exception error);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
            Message = "Telegram {Method}: flood control for chat {ChatId}; try again in {RetryAfterMs} ms")]
        public static partial void RetryLater(ILogger logger, string method, long? chatId, long retryAfterMs);
    }
}
