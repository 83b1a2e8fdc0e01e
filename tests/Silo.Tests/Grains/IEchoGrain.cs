namespace VibeCoder.Silo.Tests.Grains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<int> Received();
}
