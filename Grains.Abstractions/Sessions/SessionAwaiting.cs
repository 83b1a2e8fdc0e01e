namespace VibeCoder.Grains.Sessions;

/// <summary>What a session waits for the user to type next.</summary>
public enum SessionAwaiting
{
    /// <summary>Nothing in particular: a text is a topic.</summary>
    None,

    /// <summary>The footer handle for the slides (asked from the settings keyboard).</summary>
    FooterHandle,
}
