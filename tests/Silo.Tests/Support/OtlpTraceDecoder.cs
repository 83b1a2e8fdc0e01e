using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> (protobuf), walking the wire format by hand:
/// resource_spans(1) → scope_spans(2) → scope(1).name(1) and spans(2) → trace_id(1), span_id(2),
/// parent_span_id(4), name(5), kind(6), attributes(9) → key(1), value(2) → string(1) / bool(2) / int(3) / double(4).
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            foreach (var (scopeField, scopeSpans) in Fields(resourceSpans.Bytes))
            {
                if (scopeField != 2)
                {
                    continue;
                }

                var scope = "";
                foreach (var (f, value) in Fields(scopeSpans.Bytes))
                {
                    if (f == 1)
                    {
                        scope = Text(Fields(value.Bytes).FirstOrDefault(x => x.Field == 1).Value.Bytes);
                    }
                    else if (f == 2)
                    {
                        spans.Add(DecodeSpan(scope, value.Bytes));
                    }
                }
            }
        }

        return spans;
    }

    private static OtlpSpan DecodeSpan(string scope, byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in Fields(span))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(value.Bytes); break;
                case 4: parent = Convert.ToHexStringLower(value.Bytes); break;
                case 5: name = Text(value.Bytes); break;
                case 6: kind = (int)value.Number; break;
                case 9:
                    var pair = Fields(value.Bytes).ToArray();
                    var key = Text(pair.First(p => p.Field == 1).Value.Bytes);
                    var any = pair.FirstOrDefault(p => p.Field == 2).Value.Bytes ?? [];
                    attributes[key] = AnyValue(any);
                    break;
            }
        }

        return new OtlpSpan(scope, traceId, spanId, parent, name, kind, attributes);
    }

    private static string AnyValue(byte[] any)
    {
        foreach (var (field, value) in Fields(any))
        {
            return field switch
            {
                1 => Text(value.Bytes),
                2 => (value.Number != 0).ToString(CultureInfo.InvariantCulture),
                3 => ((long)value.Number).ToString(CultureInfo.InvariantCulture),
                4 => BitConverter.UInt64BitsToDouble(value.Number).ToString(CultureInfo.InvariantCulture),
                _ => "",
            };
        }

        return "";
    }

    private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    private static List<(int Field, WireValue Value)> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, WireValue)>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add((field, new WireValue(Varint(message, ref position), [])));
                    break;
                case 1:
                    fields.Add((field, new WireValue(BinaryPrimitives.ReadUInt64LittleEndian(message[position..]), [])));
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    fields.Add((field, new WireValue(0, message.Slice(position, length).ToArray())));
                    position += length;
                    break;
                case 5:
                    fields.Add((field, new WireValue(BinaryPrimitives.ReadUInt32LittleEndian(message[position..]), [])));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {tag & 7} at {position}.");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }

    private readonly record struct WireValue(ulong Number, byte[] Bytes);
}
