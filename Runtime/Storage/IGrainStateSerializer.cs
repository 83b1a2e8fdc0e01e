namespace VibeCoder.Runtime.Storage;

/// <summary>Turns grain state into the JSON payload storage providers keep, and back.</summary>
public interface IGrainStateSerializer
{
    /// <summary>Serializes a state value to UTF-8 JSON.</summary>
    byte[] Serialize<T>(T value);

    /// <summary>Deserializes a state value from UTF-8 JSON.</summary>
    T Deserialize<T>(ReadOnlySpan<byte> json);
}
