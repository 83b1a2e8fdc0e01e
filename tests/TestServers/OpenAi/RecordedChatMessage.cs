namespace VibeCoder.TestServers.OpenAi;

/// <summary>One message of a recorded chat completion request.</summary>
/// <param name="Role">"system", "user", "assistant", …</param>
/// <param name="Content">The text (text parts joined when the content was an array of parts).</param>
public sealed record RecordedChatMessage(string Role, string Content);
