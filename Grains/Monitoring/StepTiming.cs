using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Monitoring;

/// <summary>How long one workflow step took in this process since start.</summary>
public sealed record StepTiming(WorkflowStep Step, long Count, long Failures, double MeanMs, double MaxMs);
