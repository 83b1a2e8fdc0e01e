using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Monitoring;

/// <summary>A job that failed, for the dashboard's pipeline view.</summary>
public sealed record PipelineFailure(string JobId, string Topic, WorkflowStep? Step, string Error, DateTimeOffset At);
