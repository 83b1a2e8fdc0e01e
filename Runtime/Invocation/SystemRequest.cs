using System.Text.Json;

namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// A request the runtime makes of its own accord (timer tick, reminder tick): never interleaves, is not
/// counted as a grain call, and never crosses a process boundary.
/// </summary>
/// <param name="name">What shows as the method name in diagnostics.</param>
internal abstract class SystemRequest(string name) : GrainRequest<object?>
{
    public override string MethodName => name;

    public override Type InterfaceType => typeof(Grain);

    public override int ArgumentCount => 0;

    internal override bool IsSystemRequest => true;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        throw new NotSupportedException("System requests stay in their process.");

    public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        throw new NotSupportedException("System requests stay in their process.");

    public override GrainRequest CreateEmpty() => throw new NotSupportedException("System requests stay in their process.");
}
