using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using VibeCoder.Content.OpenAi;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>
/// Writes carousels with a chat model through the official OpenAI SDK, against OpenAI or any compatible server
/// (<c>OPENAI_BASE_URL</c>), using structured output (a JSON schema).
/// </summary>
/// <remarks>
/// <para>
/// Every call runs through a resilience pipeline: retries with exponential backoff and jitter on 429, 5xx, timeouts
/// and network errors (a server's Retry-After is honoured), a per-attempt timeout, and a circuit breaker that fails
/// fast while the service is down. The SDK's own retries are off so only this pipeline retries.
/// </para>
/// <para>
/// The answer is parsed and checked with <see cref="CarouselContentValidator"/>; trivial faults are repaired, and a
/// malformed or rule-breaking answer is sent back once with what was wrong. Thread-safe; register as a singleton
/// (one circuit per process).
/// </para>
/// </remarks>
public sealed partial class OpenAiContentGenerator : IContentGenerator
{
    /// <summary>The generator's name in logs and metrics.</summary>
    public const string GeneratorName = "openai";

    // One answer plus one corrected answer: a model that fails twice is unlikely to do better a third time.
    private const int MaxAnswers = 2;

    private readonly ChatClient _client;
    private readonly ChatResponseFormat _responseFormat;
    private readonly ResiliencePipeline _pipeline;
    private readonly ContentOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the generator from validated options.</summary>
    /// <param name="options">The content options; <see cref="ContentOptions.ApiKey"/> must be set.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="InvalidOperationException">No API key is configured.</exception>
    public OpenAiContentGenerator(IOptions<ContentOptions> options, ILogger<OpenAiContentGenerator> logger)
        : this(options, logger, TimeProvider.System)
    {
    }

    internal OpenAiContentGenerator(IOptions<ContentOptions> options, ILogger<OpenAiContentGenerator> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        if (!_options.HasApiKey)
        {
            throw new InvalidOperationException($"{ContentOptions.ApiKeyVariable} is not set; the OpenAI content generator needs it.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            // Our pipeline retries; SDK retries underneath it would multiply attempts and hide failures from the breaker.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // Our per-attempt timeout must fire first so it is seen (and retried) as a timeout.
            NetworkTimeout = _options.AttemptTimeout + TimeSpan.FromSeconds(30),
        };
        if (_options.BaseUrl is { } baseUrl)
        {
            clientOptions.Endpoint = new Uri(baseUrl, UriKind.Absolute);
        }

        _client = new ChatClient(_options.Model, new ApiKeyCredential(_options.ApiKey!), clientOptions);
        _responseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
            CarouselJsonSchema.Name, CarouselJsonSchema.Schema, CarouselJsonSchema.Description, jsonSchemaIsStrict: true);
        _pipeline = ContentResiliencePipeline.Build(_options, logger, timeProvider);
    }

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public async Task<CarouselContent> GenerateAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var topic = ContentRequestGuard.NormalizedTopic(request);
        var language = ContentLanguage.Resolve(request.Language, topic);
        using var activity = ContentTelemetry.StartGeneration(GeneratorName, request, language, ActivityKind.Client);
        activity?.SetTag("gen_ai.request.model", _options.Model);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var content = await WriteAsync(topic, request.SlideCount, language, cancellationToken).ConfigureAwait(false);
            ContentTelemetry.RecordDuration(GeneratorName, ContentTelemetry.SuccessOutcome, Stopwatch.GetElapsedTime(started));
            return content;
        }
        catch (Exception e)
        {
            var outcome = e is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? ContentTelemetry.CancelledOutcome
                : ContentTelemetry.FailureOutcome;
            ContentTelemetry.RecordDuration(GeneratorName, outcome, Stopwatch.GetElapsedTime(started));
            ContentTelemetry.MarkFailed(activity, e);
            throw;
        }
    }

    private async Task<CarouselContent> WriteAsync(string topic, int slideCount, string language, CancellationToken cancellationToken)
    {
        var messages = CarouselPrompt.Start(topic, slideCount, language);
        for (var answer = 1; ; answer++)
        {
            var completion = await CompleteAsync(messages, _responseFormat, cancellationToken).ConfigureAwait(false);
            var text = string.Concat(completion.Content.Select(part => part.Text));
            if (!CarouselJsonParser.TryParse(text, language, out var parsed, out var parseError))
            {
                if (completion.Refusal is { Length: > 0 } refusal)
                {
                    parseError = $"the model refused: {refusal}";
                }

                if (answer == MaxAnswers)
                {
                    throw new ContentGenerationException($"The AI service returned an unreadable answer twice: {parseError}.");
                }

                Log.UnreadableAnswer(_logger, parseError);
                CarouselPrompt.AddParseCorrection(messages, text, parseError);
                continue;
            }

            var repaired = CarouselContentValidator.Repair(parsed);
            var problems = CarouselContentValidator.Validate(repaired, slideCount);
            if (problems.Count == 0)
            {
                return repaired;
            }

            if (answer == MaxAnswers)
            {
                throw new ContentGenerationException(
                    "The AI service's answer broke the carousel rules twice: " + string.Join(" ", problems.Take(5)));
            }

            Log.InvalidAnswer(_logger, problems.Count, problems[0]);
            CarouselPrompt.AddCorrection(messages, text, problems);
        }
    }

    private async Task<ChatCompletion> CompleteAsync(List<ChatMessage> messages, ChatResponseFormat format, CancellationToken cancellationToken)
    {
        try
        {
            // Fresh options per attempt: the SDK writes the messages and model into the options object it is given,
            // so a shared instance would let concurrent generations overwrite each other's conversation.
            var completion = await _pipeline.ExecuteAsync(
                static async (state, token) =>
                {
                    var options = new ChatCompletionOptions { ResponseFormat = state.Format };
                    return (await state.Client.CompleteChatAsync(state.Messages, options, token).ConfigureAwait(false)).Value;
                },
                (Client: _client, Messages: messages, Format: format),
                cancellationToken).ConfigureAwait(false);
            if (completion.Usage is { } usage)
            {
                ContentTelemetry.RecordTokens(usage.InputTokenCount, usage.OutputTokenCount);
            }

            return completion;
        }
        catch (BrokenCircuitException e)
        {
            throw new ContentGenerationException(
                "The AI service is unavailable right now after repeated failures; please try again in a minute.", isTransient: true, e)
            {
                RetryAfter = e.RetryAfter,
            };
        }
        catch (TimeoutRejectedException e)
        {
            throw new ContentGenerationException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The AI service did not answer within {_options.AttemptTimeout.TotalSeconds:0.#} s, {_options.MaxRetryAttempts + 1} times in a row."),
                isTransient: true,
                e);
        }
        catch (ClientResultException e)
        {
            throw Translate(e);
        }
        catch (HttpRequestException e)
        {
            throw new ContentGenerationException("Could not reach the AI service (network error).", isTransient: true, e);
        }
        catch (JsonException e)
        {
            throw new ContentGenerationException("The AI service sent a response that is not a chat completion.", isTransient: true, e);
        }
    }

    // The SDK's message carries the response body; ours says only the status and what to check, never the key.
    private ContentGenerationException Translate(ClientResultException e) => e.Status switch
    {
        0 => new ContentGenerationException("Could not reach the AI service (no response).", isTransient: true, e),
        401 or 403 => new ContentGenerationException(
            $"The AI service rejected the credentials (HTTP {e.Status}); check {ContentOptions.ApiKeyVariable}.", isTransient: false, e),
        404 => new ContentGenerationException(
            $"The AI service does not know model '{_options.Model}' or the endpoint (HTTP 404); check {ContentOptions.ModelVariable} and {ContentOptions.BaseUrlVariable}.",
            isTransient: false,
            e),
        408 or 429 or >= 500 => new ContentGenerationException(
            $"The AI service kept failing (HTTP {e.Status}) after {_options.MaxRetryAttempts + 1} attempts; please try again later.", isTransient: true, e)
        {
            // Uncapped here (the pipeline caps its own short waits): the caller waiting out an outage bounds it by its deadline.
            RetryAfter = OpenAi.RetryAfter.From(e, TimeSpan.MaxValue, _timeProvider.GetUtcNow()),
        },
        _ => new ContentGenerationException($"The AI service rejected the request (HTTP {e.Status}).", isTransient: false, e),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "AI answer could not be read ({Error}); asking once more")]
        public static partial void UnreadableAnswer(ILogger logger, string error);

        [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "AI answer broke {Count} carousel rule(s), first: {FirstProblem}; asking once more")]
        public static partial void InvalidAnswer(ILogger logger, int count, string firstProblem);
    }
}
