namespace VibeCoder.Grains.Carousels;

/// <summary>Where a carousel job is. Serialized in lower case in the HTTP API.</summary>
public enum JobStatus
{
    /// <summary>Accepted, not started.</summary>
    Queued,

    /// <summary>Analysing the topic and writing the slides.</summary>
    Generating,

    /// <summary>Drawing the slides.</summary>
    Rendering,

    /// <summary>Sending the result to the user.</summary>
    Delivering,

    /// <summary>Done; the slides are available.</summary>
    Completed,

    /// <summary>Gave up; see the job's error.</summary>
    Failed,

    /// <summary>Cancelled by the user.</summary>
    Cancelled,
}
