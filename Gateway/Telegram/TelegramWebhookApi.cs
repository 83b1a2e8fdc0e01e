using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VibeCoder.Gateway.Hosting;
using VibeCoder.Grains.Telegram.Configuration;

namespace VibeCoder.Gateway.Telegram;

/// <summary>
/// <c>POST /telegram/webhook</c>: Telegram posts each update here with the secret it was given in setWebhook. The answer
/// is 200 once the update is stored durably (handling follows asynchronously), so a crash after the answer loses nothing
/// and Telegram retries whatever got no 200.
/// </summary>
public static partial class TelegramWebhookApi
{
    /// <summary>The route.</summary>
    public const string Path = "/telegram/webhook";

    /// <summary>The header carrying the webhook secret.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The largest body accepted: real updates are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const int MaxSecretLength = 256;

    /// <summary>Maps <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, ReceiveAsync).WithTags("Telegram").ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Checks the secret (constant-time; a mismatch is 401 and nothing else happens), reads at most
    /// <see cref="MaxBodyBytes"/> (413 beyond), stores the update (400 when it is not one) and answers 200.
    /// </summary>
    internal static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpContext http,
        IOptions<TelegramOptions> options,
        TelegramUpdateIntake intake,
        TelegramIntakeMetrics metrics,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.EffectiveMode != TelegramMode.Webhook || string.IsNullOrEmpty(settings.WebhookSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The Telegram webhook is not enabled (TELEGRAM_MODE is not webhook).");
        }

        if (!SecretMatches(http.Request.Headers[SecretHeader].ToString(), settings.WebhookSecret))
        {
            metrics.Refused("unauthorized");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"The {SecretHeader} header is missing or wrong.");
        }

        var body = await ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            metrics.Refused("too_large");
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Update too large", detail: $"An update may have at most {MaxBodyBytes} bytes.");
        }

        IntakeOutcome outcome;
        try
        {
            outcome = await intake.AcceptAsync(body, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not stored: a non-2xx makes Telegram deliver the update again later.
            metrics.Refused("failed");
            Log.StoreFailed(loggers.CreateLogger(typeof(TelegramWebhookApi).FullName!), exception);
            UnavailableExceptionHandler.SetUnavailable(http.Response);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Update not stored", detail: "The update could not be stored; Telegram will retry.");
        }

        return outcome == IntakeOutcome.Malformed
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Telegram update", detail: "The body is not a JSON Telegram update with an update_id.")
            : TypedResults.Ok();
    }

    // Fixed-time over the bytes: the time taken must not tell an attacker how much of a guess was right.
    private static bool SecretMatches(string presented, string expected)
    {
        if (presented.Length > MaxSecretLength)
        {
            return false; // longer than any valid secret (at most 256 characters of A-Z, a-z, 0-9, _ and -)
        }

        Span<byte> presentedBytes = stackalloc byte[MaxSecretLength * 3];
        Span<byte> expectedBytes = stackalloc byte[MaxSecretLength * 3];
        var presentedLength = Encoding.UTF8.GetBytes(presented, presentedBytes);
        var expectedLength = Encoding.UTF8.GetBytes(expected, expectedBytes);
        return CryptographicOperations.FixedTimeEquals(presentedBytes[..presentedLength], expectedBytes[..expectedLength]);
    }

    // Null when the body is larger than allowed: refused from Content-Length when declared, else while reading.
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var declared = http.Request.ContentLength;
        if (declared > MaxBodyBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (declared is { } length)
        {
            var buffer = new byte[length];
            await http.Request.Body.ReadExactlyAsync(buffer, cancellationToken);
            return buffer;
        }

        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "A Telegram update could not be stored; answered 503 so Telegram retries")]
        public static partial void StoreFailed(ILogger logger, Exception exception);
    }
}
