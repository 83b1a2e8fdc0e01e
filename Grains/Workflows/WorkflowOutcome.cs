namespace VibeCoder.Grains.Workflows;

/// <summary>How a workflow ended.</summary>
public enum WorkflowOutcome
{
    /// <summary>All steps succeeded.</summary>
    Completed,

    /// <summary>A step failed for good; compensation ran.</summary>
    Failed,

    /// <summary>Cancelled by the user; compensation ran.</summary>
    Cancelled,
}
