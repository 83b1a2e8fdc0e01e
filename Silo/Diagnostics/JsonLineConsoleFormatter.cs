using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Orleans.Runtime;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// One JSON object per line: timestamp, level, category, event id, message, exception, the structured values of
/// the message template, the trace and span id of the current activity and the correlation id. Trace and
/// correlation are always present (null outside a request), so a log query can rely on the fields.
/// </summary>
/// <remarks>
/// The console logger formats on the thread that logs, so <see cref="Activity.Current"/> and the grain
/// <see cref="RequestContext"/> read here are the caller's. The correlation id comes from the request context
/// (set by the HTTP middleware and carried through grain calls), else from a logging scope value.
/// </remarks>
internal sealed class JsonLineConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "vibecoder-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", message);
            if (logEntry.Exception is not null)
            {
                json.WriteString("exception", logEntry.Exception.ToString());
            }

            var activity = Activity.Current;
            WriteNullable(json, "traceId", activity?.TraceId.ToHexString());
            WriteNullable(json, "spanId", activity?.SpanId.ToHexString());
            WriteNullable(json, "correlationId", RequestContext.Get(CorrelationIds.RequestContextKey) as string ?? FromScopes(scopeProvider));
            WriteState(json, logEntry.State);
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteState<TState>(Utf8JsonWriter json, TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values || values.Count == 0)
        {
            return;
        }

        json.WriteStartObject("state");
        foreach (var (key, value) in values)
        {
            if (key == "{OriginalFormat}")
            {
                json.WriteString("template", value?.ToString());
                continue;
            }

            WriteNullable(json, key, value switch
            {
                null => null,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }

        json.WriteEndObject();
    }

    private static string? FromScopes(IExternalScopeProvider? scopeProvider)
    {
        var found = new StrongBox<string?>();
        scopeProvider?.ForEachScope(
            static (scope, box) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key == CorrelationIds.LogScopeKey && value is not null)
                        {
                            box.Value = value.ToString();
                        }
                    }
                }
            },
            found);
        return found.Value;
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
