namespace VibeCoder.Silo.Hosting;

/// <summary>A configuration value that cannot work; the message is one line naming the variable.</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
