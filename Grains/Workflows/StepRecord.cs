using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Workflows;

/// <summary>One attempt of one step, kept in the workflow's state for diagnosis.</summary>
public sealed record StepRecord(WorkflowStep Step, int Attempt, DateTimeOffset StartedAt, double Milliseconds, string Outcome, string? Error);
