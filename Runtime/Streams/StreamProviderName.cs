namespace VibeCoder.Runtime.Streams;

/// <summary>Marks a registered stream provider, so the hosted service and diagnostics can enumerate them.</summary>
internal sealed record StreamProviderName(string Name);
