using System.Buffers;
using System.Reflection;
using System.Text.Json;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Serialization;

/// <summary>
/// The wire form of calls: arguments as a JSON array, results as JSON, exceptions as type name + message.
/// In <see cref="Hosting.SiloOptions.SerializeCalls"/> mode every in-process call takes this path too, which
/// proves that the contracts would survive a trip to another process.
/// </summary>
internal static class CallSerializer
{
    public static GrainRequest<TResult> CopyRequest<TResult>(GrainRequest<TResult> request, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            request.WriteArguments(writer, options);
            writer.WriteEndArray();
        }

        var copy = (GrainRequest<TResult>)request.CreateEmpty();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        copy.ReadArguments(ref reader, options);
        copy.TargetId = request.TargetId;
        copy.DeadlineMs = request.DeadlineMs;
        copy.ChainId = request.ChainId;
        copy.Context = request.Context;
        return copy;
    }

    public static TResult CopyResult<TResult>(TResult? value, JsonSerializerOptions options)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return JsonSerializer.Deserialize<TResult>(json, options)!;
    }

    /// <summary>Recreates the exception from its type name and message, as a remote caller would receive it.</summary>
    public static Exception CopyException(Exception exception)
    {
        var type = exception.GetType();
        var message = exception.Message;
        if (type.GetConstructor([typeof(string)]) is { } constructor && type.IsPublic)
        {
            try
            {
                return (Exception)constructor.Invoke([message]);
            }
            catch (TargetInvocationException)
            {
                // Fall through to the generic stand-in.
            }
        }

        return new RemoteGrainException(type.FullName ?? type.Name, message);
    }
}
