using VibeCoder.Content;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Workflows;

/// <summary>How the workflow reads a failed step: an outage to wait out, worth another attempt, or final — and what to tell the user.</summary>
internal static class WorkflowFailures
{
    /// <summary>
    /// Failures of the write step that an outage of the AI service explains: a transient generator error (the breaker
    /// open included), or the step's own time limit running out while the generator still retried a slow service.
    /// </summary>
    public static bool IsAiOutage(WorkflowStep step, Exception error) => step == WorkflowStep.Write && error switch
    {
        ContentGenerationException content => content.IsTransient,
        OperationCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>True when trying the step again soon may succeed; bad input and missing configuration never will.</summary>
    public static bool IsRetryable(Exception error) => error switch
    {
        ContentGenerationException content => content.IsTransient,
        ArgumentException or FormatException or NotSupportedException => false,
        InvalidOperationException invalid when invalid.Message.Contains("not configured", StringComparison.Ordinal) => false,
        _ => true,
    };

    /// <summary>The job's error in words a user understands; internal details stay in the log.</summary>
    public static string UserFacingError(WorkflowStep step, Exception error) => error switch
    {
        ContentGenerationException content => content.Message,
        ArgumentException argument => argument.Message,
        OperationCanceledException or TimeoutException => $"The {step.ToString().ToLowerInvariant()} step took too long; please try again.",
        InvalidOperationException invalid when invalid.Message.Contains("not configured", StringComparison.Ordinal) => invalid.Message,
        _ => $"Something went wrong in the {step.ToString().ToLowerInvariant()} step; please try again.",
    };
}
