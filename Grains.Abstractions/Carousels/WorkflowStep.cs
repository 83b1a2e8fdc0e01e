namespace VibeCoder.Grains.Carousels;

/// <summary>The steps of the carousel workflow, in order.</summary>
public enum WorkflowStep
{
    /// <summary>Normalise the topic, decide the language.</summary>
    Analyse,

    /// <summary>Write the slides, caption and hashtags.</summary>
    Write,

    /// <summary>Render every slide.</summary>
    Render,

    /// <summary>Send the result (Telegram) or make it available (HTTP).</summary>
    Deliver,

    /// <summary>Record history and announce completion.</summary>
    Record,
}
