namespace VibeCoder.Persistence.Tests.Grains;

[Alias("test.event-sink")]
public interface IEventSinkGrain : IGrainWithStringKey
{
}
