namespace VibeCoder.Grains.Monitoring;

/// <summary>Read side of the pipeline statistics (the dashboard's pipeline view).</summary>
public interface IPipelineMonitor
{
    /// <summary>The current figures.</summary>
    PipelineSnapshot Snapshot();
}
