using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Telegram.Configuration;
using VibeCoder.Telegram.Diagnostics;
using VibeCoder.Telegram.Pacing;

namespace VibeCoder.Telegram.Client;

/// <summary>
/// Sends Bot API calls: pacing, one HTTP POST per attempt, envelope parsing, retries and error mapping.
/// </summary>
/// <remarks>
/// Retry policy: 429 waits Telegram's retry_after (times <see cref="TelegramOptions.RetryAfterScale"/>, failing at
/// once beyond <see cref="TelegramOptions.MaxRetryAfter"/>); 5xx, network errors and timeouts back off
/// exponentially; everything else (400, 401, 403, 404…) fails at once. The request URL carries the token, so it is
/// never logged, traced or put into an exception: errors name the method only.
/// </remarks>
internal sealed partial class TelegramApiTransport
{
    /// <summary>Name of the HttpClient registered for the Bot API; its logging handlers are removed.</summary>
    public const string HttpClientName = "VibeCoder.Telegram";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TelegramOptions _options;
    private readonly OutgoingMessagePacer _pacer;
    private readonly TelegramInstrumentation _instrumentation;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramApiTransport> _logger;
    private readonly string _baseUrl;

    public TelegramApiTransport(
        IHttpClientFactory httpClientFactory,
        IOptions<TelegramOptions> options,
        OutgoingMessagePacer pacer,
        TelegramInstrumentation instrumentation,
        TimeProvider time,
        ILogger<TelegramApiTransport> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _pacer = pacer;
        _instrumentation = instrumentation;
        _time = time;
        _logger = logger;
        _baseUrl = _options.ApiBaseUrl.TrimEnd('/');
    }

    public async Task<T> CallAsync<T>(ApiCall<T> call, CancellationToken cancellationToken)
    {
        var uri = MethodUri(call.Method);
        if (call.Paced && call.ChatId is { } chatId)
        {
            await _pacer.WaitAsync(chatId, cancellationToken).ConfigureAwait(false);
        }

        using var activity = TelegramInstrumentation.StartCall(call.Method);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(call, uri, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                _instrumentation.RecordAttempt(call.Method, TelegramInstrumentation.ResultOk);
                activity?.SetTag("telegram.attempts", attempt);
                return outcome.Result!;
            }

            if (RetryDelay(outcome, attempt) is { } delay)
            {
                _instrumentation.RecordAttempt(call.Method, TelegramInstrumentation.ResultRetried);
                Log.Retrying(_logger, call.Method, attempt, Reason(outcome), (long)delay.TotalMilliseconds, outcome.NetworkError);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var result = FinalResult(outcome);
            _instrumentation.RecordAttempt(call.Method, result);
            activity?.SetTag("telegram.attempts", attempt);
            activity?.SetTag("telegram.result", result);
            activity?.SetStatus(ActivityStatusCode.Error, result);
            throw CreateException(call, outcome, attempt);
        }
    }

    private Uri MethodUri(string method)
    {
        if (string.IsNullOrEmpty(_options.BotToken))
        {
            throw new InvalidOperationException(
                $"{TelegramOptions.BotTokenKey} is not set, so the Telegram client cannot call {method}.");
        }

        return new Uri($"{_baseUrl}/bot{_options.BotToken}/{method}", UriKind.Absolute);
    }

    private async Task<AttemptOutcome<T>> SendOnceAsync<T>(ApiCall<T> call, Uri uri, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout + call.ExtraTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = call.CreateContent() };
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            return Parse(call, response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome<T>.Timeout();
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            return AttemptOutcome<T>.Unreachable(error);
        }
    }

    private static AttemptOutcome<T> Parse<T>(ApiCall<T> call, HttpStatusCode status, byte[] body)
    {
        ApiResponse<T>? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize(body, call.ResponseType);
        }
        catch (JsonException)
        {
            // A proxy in front of Telegram answered (e.g. an HTML 502 page); judged by the status below.
        }

        if (envelope is null)
        {
            return AttemptOutcome<T>.ApiError((int)status, $"HTTP {(int)status}: the answer is not a Bot API response", null);
        }

        if (envelope.Ok && envelope.Result is { } result)
        {
            return AttemptOutcome<T>.Success(result);
        }

        return envelope.Ok
            ? AttemptOutcome<T>.ApiError((int)status, "the answer has ok=true but no result", null)
            : AttemptOutcome<T>.ApiError(envelope.ErrorCode ?? (int)status, envelope.Description ?? status.ToString(), envelope.Parameters);
    }

    private TimeSpan? RetryDelay<T>(AttemptOutcome<T> outcome, int attempt)
    {
        if (attempt >= _options.MaxAttempts)
        {
            return null;
        }

        if (outcome.NetworkError is not null || outcome.TimedOut || outcome.ErrorCode >= 500)
        {
            return Backoff(attempt);
        }

        if (outcome.ErrorCode == (int)HttpStatusCode.TooManyRequests)
        {
            var retryAfter = RetryAfter(outcome);
            return retryAfter > _options.MaxRetryAfter ? null : retryAfter * _options.RetryAfterScale;
        }

        return null;
    }

    // Exponential with "equal jitter": half the delay is fixed, half random, so callers that failed together
    // (e.g. during a Telegram outage) do not all come back in the same instant.
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < _options.RetryMaxDelay ? exponential : _options.RetryMaxDelay;
        return (capped / 2) + (capped / 2 * Random.Shared.NextDouble());
    }

    // Telegram always sends retry_after with 429; one second is a safe guess for a proxy that does not.
    private static TimeSpan RetryAfter<T>(AttemptOutcome<T> outcome) =>
        TimeSpan.FromSeconds(outcome.Parameters?.RetryAfter ?? 1);

    private static string FinalResult<T>(AttemptOutcome<T> outcome) =>
        outcome.TimedOut ? TelegramInstrumentation.ResultTimeout
        : outcome.NetworkError is not null ? TelegramInstrumentation.ResultNetwork
        : outcome.ErrorCode.ToString(CultureInfo.InvariantCulture);

    private static string Reason<T>(AttemptOutcome<T> outcome) =>
        outcome.TimedOut ? "timeout"
        : outcome.NetworkError is not null ? "network error"
        : outcome.ErrorCode.ToString(CultureInfo.InvariantCulture);

    private Exception CreateException<T>(ApiCall<T> call, AttemptOutcome<T> outcome, int attempts)
    {
        if (outcome.TimedOut)
        {
            Log.Unreachable(_logger, call.Method, attempts, "timeout", null);
            return new TimeoutException(
                $"Telegram {call.Method} timed out after {attempts} attempt(s) of {(_options.RequestTimeout + call.ExtraTimeout).TotalSeconds:0.#} s.");
        }

        if (outcome.NetworkError is { } networkError)
        {
            Log.Unreachable(_logger, call.Method, attempts, "network error", networkError);
            return new HttpRequestException(
                $"Telegram {call.Method} could not be reached after {attempts} attempt(s): {networkError.Message}", networkError);
        }

        if (outcome.ErrorCode == (int)HttpStatusCode.Forbidden && TelegramUserBlockedException.IsBlockedDescription(outcome.Description))
        {
            Log.UserBlocked(_logger, call.Method, call.ChatId, outcome.Description);
            return new TelegramUserBlockedException(call.Method, call.ChatId, outcome.Description);
        }

        Log.Failed(_logger, call.Method, outcome.ErrorCode, outcome.Description);
        var retryAfter = outcome.ErrorCode == (int)HttpStatusCode.TooManyRequests ? RetryAfter(outcome) : (TimeSpan?)null;
        return new TelegramApiException(call.Method, outcome.ErrorCode, outcome.Description, retryAfter, outcome.Parameters?.MigrateToChatId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
            Message = "Telegram {Method} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string method, int attempt, string reason, long delayMs, Exception? error);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information,
            Message = "Telegram {Method}: chat {ChatId} is no longer reachable ({Description})")]
        public static partial void UserBlocked(ILogger logger, string method, long? chatId, string description);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Telegram {Method} failed with {ErrorCode}: {Description}")]
        public static partial void Failed(ILogger logger, string method, int errorCode, string description);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Telegram {Method} gave up after {Attempts} attempt(s): {Reason}")]
        public static partial void Unreachable(ILogger logger, string method, int attempts, string reason, Exception? error);
    }
}
